import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** A click on a link in an agent reply, linked to the conversation (the URL is the agent's, not the end user's). */
@Entity({ name: 'link_clicks' })
@Index('idx_link_clicks_conversation', ['conversationId', 'clickedAt'])
export class LinkClickEntity {
  /** The id of the event that reported it: a click has no id of its own. */
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'tenant_id' })
  tenantId!: string;

  @Column('uuid', { name: 'conversation_id' })
  conversationId!: string;

  @Column('uuid', { name: 'message_id' })
  messageId!: string;

  @Column('text')
  url!: string;

  @Column('timestamptz', { name: 'clicked_at' })
  clickedAt!: Date;
}
