import { DomainEvent } from '../core/event';
import { ForumInputKind, ForumType, HousingArea, SeatHolderBackground } from '../model/reference-data';

/** Stream `forum-<forumId>`: a formal forum (resident board, local council, ...). */
export type ForumRegistered = DomainEvent<
  'ForumRegistered',
  {
    readonly forumId: string;
    readonly name: string;
    readonly forumType: ForumType;
    readonly housingArea: HousingArea;
    readonly seats: number;
  }
>;

/** `seatHolderId` is pseudonymous; background is self-declared and may be withheld. */
export type ForumSeatTaken = DomainEvent<
  'ForumSeatTaken',
  {
    readonly forumId: string;
    readonly seatHolderId: string;
    readonly background: SeatHolderBackground;
    readonly nominatedByAssociationId?: string;
  }
>;

export type ForumSeatLeft = DomainEvent<'ForumSeatLeft', { readonly forumId: string; readonly seatHolderId: string }>;

export type ForumInputGiven = DomainEvent<
  'ForumInputGiven',
  {
    readonly forumId: string;
    readonly inputId: string;
    readonly kind: ForumInputKind;
    readonly associationId?: string;
    readonly summary: string;
  }
>;

export type ForumEvent = ForumRegistered | ForumSeatTaken | ForumSeatLeft | ForumInputGiven;
