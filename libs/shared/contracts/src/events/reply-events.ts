import { z } from 'zod';

/**
 * An agent's reply on its way back to the install that wrote (keyed by install id): the ticket
 * store publishes it through its outbox; the gateway holds it until that install fetches it.
 */
export const agentRepliedV1 = z
  .object({
    appId: z.string().min(1),
    installId: z.string().min(1).max(128),
    conversationId: z.uuid(),
    message: z.object({ id: z.uuid(), body: z.string().min(1), sentAt: z.iso.datetime({ offset: true }) }).strict(),
    /** The name the agent shows end users (a display name, not necessarily theirs). */
    agentName: z.string().min(1).max(200).optional(),
  })
  .strict();
export type AgentRepliedV1 = z.infer<typeof agentRepliedV1>;
