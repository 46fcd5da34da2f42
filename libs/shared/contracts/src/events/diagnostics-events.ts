import { z } from 'zod';

/** No install id, no conversation: diagnostics are "not linked" to a user (the disclosure). */
const base = {
  appId: z.string().min(1),
  versions: z.object({ sdk: z.string(), app: z.string().optional(), os: z.string().optional() }).strict(),
};

export const diagnosticsCrashReportedV1 = z
  .object({
    ...base,
    reportId: z.uuid(),
    crashedAt: z.iso.datetime({ offset: true }),
    device: z.object({ platform: z.string().optional(), model: z.string().optional() }).strict().optional(),
    crash: z.object({ type: z.string(), message: z.string().optional(), stackTrace: z.string().optional() }).strict(),
  })
  .strict();
export type DiagnosticsCrashReportedV1 = z.infer<typeof diagnosticsCrashReportedV1>;

export const diagnosticsReportedV1 = z
  .object({ ...base, reportId: z.uuid(), reportedAt: z.iso.datetime({ offset: true }), name: z.string(), data: z.record(z.string(), z.unknown()) })
  .strict();
export type DiagnosticsReportedV1 = z.infer<typeof diagnosticsReportedV1>;
