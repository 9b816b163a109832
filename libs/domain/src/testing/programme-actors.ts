import { AssessmentWave, AssociationType, Employer, HousingArea, MemberKind, StaffRole } from '../model/reference-data';
import { ProgrammeHistory } from './programme-specification';

export const registerAssociation = (history: ProgrammeHistory, associationId: string, housingArea: HousingArea, associationType: AssociationType, at: string) =>
  history.record(`association-${associationId}`, 'AssociationRegistered', { associationId, name: `Forening ${associationId}`, housingArea, associationType, sizeBand: '11-50' }, at);

export const assessmentData = (associationId: string, wave: AssessmentWave, scores: Record<string, number>, assessmentId: string) => ({
  associationId,
  assessmentId,
  wave,
  instrumentVersion: 'cap-2010-v1',
  mode: 'facilitated' as const,
  items: Object.entries(scores).map(([domain, score]) => ({ domain, score, evidence: `dokumentation for ${domain}` })),
});

export const assess = (history: ProgrammeHistory, associationId: string, wave: AssessmentWave, scores: Record<string, number>, at: string, assessmentId = `${associationId}-${wave}`) =>
  history.record(`association-${associationId}`, 'CapacityAssessmentRecorded', assessmentData(associationId, wave, scores, assessmentId), at);

export const registerStaff = (history: ProgrammeHistory, staffId: string, role: StaffRole, employer: Employer, housingArea: HousingArea, at: string) =>
  history.record(`staff-${staffId}`, 'StaffMemberRegistered', { staffId, role, employer, housingArea }, at);

export const establishNetwork = (history: ProgrammeHistory, networkId: string, housingArea: HousingArea, at: string) =>
  history.record(`network-${networkId}`, 'NetworkEstablished', { networkId, name: `Netværk ${networkId}`, housingArea }, at);

export const join = (history: ProgrammeHistory, networkId: string, kind: MemberKind, id: string, at: string) =>
  history.record(`network-${networkId}`, 'NetworkMemberJoined', { networkId, member: { kind, id } }, at);

export const leave = (history: ProgrammeHistory, networkId: string, kind: MemberKind, id: string, at: string) =>
  history.record(`network-${networkId}`, 'NetworkMemberLeft', { networkId, member: { kind, id }, reason: 'flyttet' }, at);

/** The breakdown of an association registered as a women's association in Tingbjerg/Husum. */
export const associationDims = { housingArea: 'tingbjerg-husum', associationType: 'women' };
