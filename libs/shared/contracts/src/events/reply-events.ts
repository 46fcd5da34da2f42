import { z } from 'zod';
import { SealableText, transitSealed } from './transit-sealed';

/**
 * An agent's reply on its way back to the install that wrote (keyed by install id): the ticket
 * store publishes it through its outbox; the gateway holds it until that install fetches it. The
 * body travels sealed under a transit key (`agentRepliedClear` is the opened form).
 */
const agentReplied = <B extends SealableText>(body: B) =>
  z
    .object({
      appId: z.string().min(1),
      installId: z.string().min(1).max(128),
      conversationId: z.uuid(),
      message: z.object({ id: z.uuid(), body, sentAt: z.iso.datetime({ offset: true }) }).strict(),
      /** The name the agent shows end users (a display name, not necessarily theirs). */
      agentName: z.string().min(1).max(200).optional(),
    })
    .strict();
export const agentRepliedClear = agentReplied(z.string().min(1));
export const agentRepliedV2 = agentReplied(transitSealed);
export type AgentRepliedClear = z.infer<typeof agentRepliedClear>;
export type AgentRepliedV2 = z.infer<typeof agentRepliedV2>;
