import { ForumInputKind, ForumType, HousingArea, SeatHolderBackground } from '@toc/domain';
import { DemoStep, actors, at, demoCommand, demoRetraction } from './demo-step';

/** Formal fora (L1, L2) and the seats held at the start: [id, name, type, area, seats, registered, background of each seat holder]. */
const forums: readonly (readonly [string, string, ForumType, HousingArea, number, string, SeatHolderBackground[]])[] = [
  ['f1', 'Afdelingsbestyrelsen Tingbjerg', 'resident-board', 'tingbjerg-husum', 9, '2010-01-26',
    ['ethnic-minority', 'other', 'other', 'other', 'other', 'other', 'other', 'not-disclosed']],
  ['f2', 'Styregruppen for helhedsplanen i Mjølnerparken', 'helhedsplan-board', 'mjolnerparken', 8, '2010-02-02',
    ['ethnic-minority', 'ethnic-minority', 'other', 'other', 'other', 'other', 'other']],
  ['f3', 'Amager Øst Lokaludvalg, boligområdeudvalget', 'local-council', 'urbanplanen', 10, '2010-02-09',
    ['ethnic-minority', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'other', 'not-disclosed']],
  ['f6', 'Afdelingsbestyrelsen Akacieparken', 'resident-board', 'akacieparken', 7, '2010-02-16',
    ['other', 'other', 'other', 'other', 'other', 'other', 'not-disclosed']],
  ['f4', 'Integrationsrådets lokalforum Nordvest', 'integration-council', 'bispeparken', 6, '2010-03-02',
    ['ethnic-minority', 'ethnic-minority', 'other', 'other', 'not-disclosed']],
  ['f5', 'Skolebestyrelsen ved Hørgården', 'school-board', 'horgarden', 7, '2010-03-09',
    ['other', 'other', 'other', 'other', 'other', 'not-disclosed']],
];
const holder = (forumId: string, n: number) => `holder-${forumId}-${String(n).padStart(2, '0')}`;

/** Seats changing hands: [forum, date, take or leave, seat holder number, background, nominating association]. */
const seatChanges: readonly (readonly [string, string, 'take' | 'leave', number, SeatHolderBackground?, string?])[] = [
  ['f5', '2010-08-23', 'take', 7, 'ethnic-minority', 'a29'],
  ['f2', '2010-09-20', 'take', 8, 'ethnic-minority', 'a08'],
  ['f4', '2010-10-11', 'take', 6, 'ethnic-minority', 'a20'],
  ['f1', '2010-11-08', 'leave', 2],
  ['f1', '2010-11-08', 'take', 9, 'ethnic-minority', 'a02'],
  ['f3', '2010-12-01', 'leave', 4],
  ['f3', '2010-12-13', 'take', 11, 'ethnic-minority', 'a23'],
  ['f6', '2011-01-10', 'leave', 3],
  ['f6', '2011-01-24', 'take', 8, 'not-disclosed', 'a15'],
  ['f2', '2011-02-21', 'leave', 3],
  ['f1', '2011-03-14', 'take', 10, 'ethnic-minority', 'a01'],
  ['f3', '2011-04-04', 'leave', 5],
  ['f3', '2011-04-26', 'take', 12, 'ethnic-minority', 'a27'],
  ['f5', '2011-05-16', 'leave', 2],
];

/** Inputs to the fora from associations: [id, forum, date, kind, association, summary]. */
const inputs: readonly (readonly [string, string, string, ForumInputKind, string | undefined, string])[] = [
  ['i01', 'f1', '2010-05-18', 'hearing-response', 'a01', 'Høringssvar om renovering af fælleshuset'],
  ['i02', 'f2', '2010-06-15', 'dialogue-meeting', 'a08', 'Dialogmøde om helhedsplanens ungeindsats'],
  ['i03', 'f3', '2010-09-07', 'proposal', 'a23', 'Forslag om flersprogede beboermøder'],
  ['i04', 'f1', '2010-10-05', 'proposal', 'a02', 'Forslag om kvindesvømning i hallen'],
  ['i05', 'f4', '2010-11-02', 'dialogue-meeting', 'a20', 'Dialogmøde om foreningslokaler'],
  ['i06', 'f3', '2010-11-30', 'hearing-response', undefined, 'Høringssvar fra helhedsplanens sekretariat om trafiksikkerhed'],
  ['i07', 'f5', '2011-01-11', 'proposal', 'a29', 'Forslag om forældrecafé på skolen'],
  ['i08', 'f2', '2011-02-08', 'hearing-response', 'a09', 'Høringssvar om legepladsen'],
  ['i09', 'f2', '2011-02-08', 'hearing-response', 'a09', 'Høringssvar om legepladsen'],
  ['i10', 'f6', '2011-03-08', 'dialogue-meeting', 'a14', 'Dialogmøde om trygge stier'],
  ['i11', 'f3', '2011-04-12', 'proposal', 'a24', 'Forslag om lektiehjælp i weekenden'],
  ['i12', 'f1', '2011-05-10', 'hearing-response', 'a04', 'Høringssvar om skolevejen'],
  ['i13', 'f4', '2011-05-24', 'proposal', 'a18', 'Forslag om fælles forældrenetværk'],
  ['i14', 'f3', '2011-06-07', 'dialogue-meeting', 'a26', 'Dialogmøde om udearealer'],
];

export const forumSteps: readonly DemoStep[] = [
  ...forums.flatMap(([id, name, forumType, area, seats, date, backgrounds]) => [
    demoCommand('RegisterForum', { forumId: id, name, forumType, housingArea: area, seats }, at(date, '09:00'), actors.secretary, 'forum-register'),
    ...backgrounds.map((background, i) =>
      demoCommand('TakeForumSeat', { forumId: id, seatHolderId: holder(id, i + 1), background }, at(date, '10:00'), actors.secretary, 'forum-register')),
  ]),
  ...seatChanges.map(([forumId, date, change, n, background, nominatedBy]) =>
    change === 'leave'
      ? demoCommand('LeaveForumSeat', { forumId, seatHolderId: holder(forumId, n) }, at(date, '09:00'), actors.secretary, 'forum-register')
      : demoCommand('TakeForumSeat', { forumId, seatHolderId: holder(forumId, n), background: background!, nominatedByAssociationId: nominatedBy }, at(date, '10:00'), actors.secretary, 'forum-register')),
  ...inputs.map(([id, forumId, date, kind, associationId, summary]) =>
    demoCommand('RecordForumInput', { forumId, inputId: id, kind, ...(associationId && { associationId }), summary },
      at(date, id === 'i09' ? '10:30' : '10:00'), actors.secretary, 'forum-register', { label: `input-${id}` })),
  // i09 was the same hearing response typed in twice.
  demoRetraction('input-i09', 'duplicate entry of input i08', at('2011-02-10', '09:00'), actors.secretary, 'forum-register'),
];
