import { HousingArea } from '@toc/domain';
import { DemoStep, actors, at, demoCommand } from './demo-step';

const networkNames: Record<HousingArea, string> = {
  'tingbjerg-husum': 'Lokalt netværk Tingbjerg/Husum',
  mjolnerparken: 'Lokalt netværk Mjølnerparken',
  akacieparken: 'Lokalt netværk Akacieparken',
  bispeparken: 'Lokalt netværk Bispeparken',
  urbanplanen: 'Lokalt netværk Urbanplanen',
  horgarden: 'Lokalt netværk Hørgården',
  sydhavnen: 'Lokalt netværk Sydhavnen',
  folehaven: 'Lokalt netværk Folehaven',
};
const networkId = (area: HousingArea) => `net-${area}`;
/** Members are named by id: `staff-…` is a staff member, anything else an association. */
const member = (id: string) => ({ kind: id.startsWith('staff-') ? ('staff' as const) : ('association' as const), id });

const established: readonly (readonly [HousingArea, string])[] = [
  ['tingbjerg-husum', '2010-04-06'], ['mjolnerparken', '2010-04-07'], ['urbanplanen', '2010-05-03'], ['akacieparken', '2010-06-01'],
  ['bispeparken', '2010-06-02'], ['horgarden', '2010-09-01'], ['sydhavnen', '2010-09-02'], ['folehaven', '2010-10-05'],
];
const joins: readonly (readonly [HousingArea, string, string[]])[] = [
  ['tingbjerg-husum', '2010-04-20', ['a01', 'a02', 'a04', 'staff-001', 'staff-006']],
  ['mjolnerparken', '2010-04-21', ['a08', 'a09', 'staff-007', 'staff-012']],
  ['urbanplanen', '2010-05-17', ['a23', 'a24', 'a25', 'staff-025', 'staff-030']],
  ['akacieparken', '2010-06-14', ['a14', 'a15', 'staff-013']],
  ['bispeparken', '2010-06-15', ['a18', 'a20', 'staff-019', 'staff-024']],
  ['tingbjerg-husum', '2010-08-16', ['a03', 'a06', 'staff-002', 'staff-003']],
  ['urbanplanen', '2010-08-30', ['a26', 'a27', 'staff-026', 'staff-027']],
  ['mjolnerparken', '2010-09-06', ['a10', 'a12', 'a13', 'staff-008', 'staff-011']],
  ['horgarden', '2010-09-13', ['a29', 'a31', 'staff-031']],
  ['sydhavnen', '2010-09-14', ['a33', 'a34', 'staff-037']],
  ['bispeparken', '2010-09-20', ['a19', 'a21', 'staff-021']],
  ['akacieparken', '2010-10-04', ['a17', 'staff-016']],
  ['tingbjerg-husum', '2010-10-11', ['a05', 'staff-005']],
  ['folehaven', '2010-10-18', ['a37', 'staff-043']],
  ['mjolnerparken', '2010-11-15', ['a11', 'staff-009']],
  ['urbanplanen', '2010-12-06', ['a28', 'staff-028']],
  ['horgarden', '2011-01-17', ['a30', 'staff-036']],
  ['bispeparken', '2011-01-24', ['a22', 'staff-022']],
  ['tingbjerg-husum', '2011-02-14', ['a07']],
  ['akacieparken', '2011-03-14', ['a16']],
  ['sydhavnen', '2011-03-21', ['a36', 'staff-040']],
  ['folehaven', '2011-04-04', ['a39', 'staff-048']],
  ['tingbjerg-husum', '2011-04-11', ['staff-004']],
  ['urbanplanen', '2011-05-09', ['staff-029']],
  ['mjolnerparken', '2011-05-16', ['staff-010']],
];
const departures: readonly (readonly [HousingArea, string, string, string])[] = [
  ['urbanplanen', '2011-02-28', 'staff-027', 'new job outside the area'],
  ['tingbjerg-husum', '2011-03-07', 'a06', 'the club has paused its activities'],
  ['bispeparken', '2011-04-18', 'a19', 'merged into a city-wide youth association'],
];
const meetings: readonly (readonly [string, HousingArea, string, string, string[]])[] = [
  ['m01', 'tingbjerg-husum', '2010-05-25', 'staff-001', ['a01', 'a02', 'a04', 'staff-001', 'staff-006']],
  ['m02', 'mjolnerparken', '2010-06-08', 'a08', ['a08', 'a09', 'staff-007', 'staff-012']],
  ['m03', 'urbanplanen', '2010-06-22', 'staff-025', ['a23', 'a24', 'a25', 'staff-025', 'staff-030']],
  ['m04', 'tingbjerg-husum', '2010-09-28', 'a02', ['a01', 'a02', 'a03', 'a06', 'staff-001', 'staff-002', 'staff-003']],
  ['m05', 'bispeparken', '2010-09-29', 'staff-019', ['a18', 'a19', 'a20', 'a21', 'staff-019', 'staff-021']],
  ['m06', 'mjolnerparken', '2010-10-19', 'staff-007', ['a08', 'a09', 'a10', 'a12', 'a13', 'staff-007', 'staff-008']],
  ['m07', 'urbanplanen', '2010-11-16', 'a23', ['a23', 'a24', 'a25', 'a26', 'a27', 'staff-025', 'staff-026']],
  ['m08', 'akacieparken', '2010-11-23', 'staff-013', ['a14', 'a15', 'a17', 'staff-013', 'staff-016']],
  ['m09', 'tingbjerg-husum', '2011-01-18', 'a01', ['a01', 'a02', 'a05', 'staff-005']],
  ['m10', 'horgarden', '2011-02-15', 'a29', ['a29', 'a30', 'a31', 'staff-031', 'staff-036']],
  ['m11', 'mjolnerparken', '2011-03-15', 'a09', ['a09', 'a11', 'staff-009']],
  ['m12', 'sydhavnen', '2011-04-05', 'staff-037', ['a33', 'a34', 'a36', 'staff-037', 'staff-040']],
  ['m13', 'bispeparken', '2011-04-26', 'a20', ['a18', 'a20', 'a22', 'staff-022']],
  ['m14', 'urbanplanen', '2011-05-31', 'a24', ['a24', 'a28', 'staff-028', 'staff-029']],
  ['m15', 'folehaven', '2011-06-14', 'staff-043', ['a37', 'a39', 'staff-043', 'staff-048']],
  ['m16', 'tingbjerg-husum', '2011-06-21', 'staff-006', ['a03', 'a07', 'staff-004', 'staff-006']],
];
const jointActivities: readonly (readonly [string, HousingArea, string, string, string, string])[] = [
  ['j01', 'tingbjerg-husum', '2010-06-12', 'a01', 'staff-001', 'Lektiecafé i fælleshuset'],
  ['j02', 'mjolnerparken', '2010-06-26', 'a08', 'staff-007', 'Gårdfest i Mjølnerparken'],
  ['j03', 'urbanplanen', '2010-09-25', 'a23', 'staff-025', 'Forældremøde på tværs'],
  ['j04', 'tingbjerg-husum', '2010-10-23', 'a02', 'staff-006', 'Kvindernes madklub'],
  ['j05', 'bispeparken', '2010-11-20', 'a20', 'staff-019', 'Kulturaften i Bispeparken'],
  ['j06', 'mjolnerparken', '2010-12-04', 'a09', 'staff-012', 'Juleværksted for familier'],
  ['j07', 'urbanplanen', '2011-01-29', 'a24', 'staff-030', 'Dialogcafé om tryghed'],
  ['j08', 'tingbjerg-husum', '2011-02-26', 'a01', 'staff-002', 'Informationsmøde om boligsocial indsats'],
  ['j09', 'akacieparken', '2011-03-19', 'a14', 'staff-013', 'Kvindernes cykelskole'],
  ['j10', 'horgarden', '2011-04-09', 'a29', 'staff-031', 'Forældrecafé på skolen'],
  ['j11', 'mjolnerparken', '2011-04-30', 'a10', 'staff-008', 'Ungeforum om fritidsjob'],
  ['j12', 'sydhavnen', '2011-05-14', 'a33', 'staff-037', 'Sundhedsdag i Sydhavnen'],
  ['j13', 'urbanplanen', '2011-05-21', 'a26', 'staff-026', 'Forældrenetværk i indskolingen'],
  ['j14', 'bispeparken', '2011-06-11', 'a21', 'staff-021', 'Cricketstævne for hele området'],
];

/** One locally anchored network per area (S1): joins, departures, meetings and joint activities. */
export const networkSteps: readonly DemoStep[] = [
  ...established.map(([area, date]) =>
    demoCommand('EstablishNetwork', { networkId: networkId(area), name: networkNames[area], housingArea: area }, at(date, '09:00'), actors.coordinator, 'network-register')),
  ...joins.flatMap(([area, date, ids]) =>
    ids.map((id) => demoCommand('JoinNetwork', { networkId: networkId(area), member: member(id) }, at(date, '11:00'), actors.coordinator, 'network-register'))),
  ...departures.map(([area, date, id, reason]) =>
    demoCommand('LeaveNetwork', { networkId: networkId(area), member: member(id), reason }, at(date, '11:00'), actors.coordinator, 'network-register')),
  ...meetings.map(([id, area, date, convener, attendees]) =>
    demoCommand('HoldNetworkMeeting', { networkId: networkId(area), meetingId: id, convenedBy: member(convener), attendees: attendees.map(member) }, at(date, '17:00'), actors.coordinator, 'network-register')),
  ...jointActivities.map(([id, area, date, associationId, staffMember, title]) =>
    demoCommand('OrganiseJointActivity', { networkId: networkId(area), activityId: id, associationId, staffId: staffMember, title }, at(date, '12:00'), actors.coordinator, 'network-register')),
];
