import { aggregateCommands, referencesOf } from '../core/command-routing';
import { streamName } from '../core/stream-name';
import { forumDecider } from './forum.decider';

const forum = (data: { forumId: string }) => streamName('forum', data.forumId);

export const forumCommands = aggregateCommands(forumDecider, {
  RegisterForum: { stream: forum },
  TakeForumSeat: {
    stream: forum,
    references: (data) =>
      referencesOf(
        data.nominatedByAssociationId !== undefined && {
          streamId: streamName('association', data.nominatedByAssociationId),
          field: 'nominatedByAssociationId',
        },
      ),
  },
  LeaveForumSeat: { stream: forum },
  RecordForumInput: {
    stream: forum,
    references: (data) =>
      referencesOf(data.associationId !== undefined && { streamId: streamName('association', data.associationId), field: 'associationId' }),
  },
});
