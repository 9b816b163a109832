import { associationDims, establishNetwork, join, leave, registerAssociation, registerStaff } from '../testing/programme-actors';
import { ProgrammeHistory, given } from '../testing/programme-specification';

describe('network projection', () => {
  describe('given an association that joins two networks, leaves both and rejoins one, and a staff member who joins once', () => {
    const networkHistory = () => {
      const history = new ProgrammeHistory();
      establishNetwork(history, 'n1', 'tingbjerg-husum', '2010-01-10T10:00:00.000Z');
      establishNetwork(history, 'n2', 'mjolnerparken', '2010-01-12T10:00:00.000Z');
      registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
      registerStaff(history, 's1', 'frontline', 'municipality', 'tingbjerg-husum', '2010-01-04T09:00:00.000Z');
      join(history, 'n1', 'association', 'a1', '2010-02-01T10:00:00.000Z');
      join(history, 'n2', 'association', 'a1', '2010-03-01T10:00:00.000Z');
      join(history, 'n1', 'staff', 's1', '2010-03-10T10:00:00.000Z');
      leave(history, 'n1', 'association', 'a1', '2010-06-15T10:00:00.000Z');
      leave(history, 'n2', 'association', 'a1', '2010-08-10T10:00:00.000Z');
      join(history, 'n1', 'association', 'a1', '2010-11-20T10:00:00.000Z');
      return history;
    };

    it('when the events are projected, then the association\'s overlapping memberships merge into one interval, and the rejoin opens another', () => {
      const members = given(networkHistory())
        .facts('associations', 'a1')
        .filter((fact) => fact.indicator === 'RSL-NETWORK-MEMBERS');
      expect(members).toEqual([
        { indicator: 'RSL-NETWORK-MEMBERS', from: '2010-02-01T10:00:00.000Z', until: '2010-08-10T10:00:00.000Z', numerator: 1, subjects: 1, dims: { ...associationDims, memberKind: 'association' } },
        { indicator: 'RSL-NETWORK-MEMBERS', from: '2010-11-20T10:00:00.000Z', until: null, numerator: 1, subjects: 1, dims: { ...associationDims, memberKind: 'association' } },
      ]);
    });

    it('when the cells are summed, then the association counts once per period end while a member of either network', () => {
      const { cell } = given(networkHistory());
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q1')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q1', 'memberKind', 'association')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q1', 'memberKind', 'staff')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q2', 'memberKind', 'association')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q3', 'memberKind', 'association')).toBeUndefined();
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q3')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q4')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2011-Q4')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('RSL-NETWORK-MEMBERS', 'half-year', '2010-H2', 'memberKind', 'association')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('RSL-NETWORK-MEMBERS', 'year', '2010', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
      expect(cell('RSL-NETWORK-MEMBERS', 'programme', 'programme')).toEqual({ numerator: 2, denominator: 0, subjects: 2 });
    });
  });

  describe('given an association that leaves a network late in the evening and rejoins shortly after, recorded with different UTC offsets', () => {
    it('when the cells are summed, then it is a member at the end of the quarter it rejoined in', () => {
      const history = new ProgrammeHistory();
      establishNetwork(history, 'n1', 'tingbjerg-husum', '2010-01-10T10:00:00.000Z');
      registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
      join(history, 'n1', 'association', 'a1', '2010-02-01T10:00:00.000Z');
      // Left at 21:30 UTC on 29 September (23:30 in Copenhagen); rejoined at 22:15 UTC (00:15 on 30 September).
      leave(history, 'n1', 'association', 'a1', '2010-09-29T23:30:00+02:00');
      join(history, 'n1', 'association', 'a1', '2010-09-29T22:15:00.000Z');
      const { cell } = given(history);
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q3')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
      expect(cell('RSL-NETWORK-MEMBERS', 'quarter', '2010-Q4')).toEqual({ numerator: 1, denominator: 0, subjects: 1 });
    });
  });

  describe('given a joint activity organised by a network association and a staff member, and the association later leaving and rejoining', () => {
    const contactHistory = () => {
      const history = new ProgrammeHistory();
      establishNetwork(history, 'n1', 'tingbjerg-husum', '2010-01-10T10:00:00.000Z');
      registerAssociation(history, 'a1', 'tingbjerg-husum', 'women', '2010-01-20T09:00:00.000Z');
      registerAssociation(history, 'a2', 'mjolnerparken', 'cultural', '2010-01-22T09:00:00.000Z');
      registerStaff(history, 's1', 'frontline', 'municipality', 'tingbjerg-husum', '2010-01-04T09:00:00.000Z');
      join(history, 'n1', 'association', 'a1', '2010-02-01T10:00:00.000Z');
      join(history, 'n1', 'association', 'a2', '2010-02-15T10:00:00.000Z');
      history.record(
        'network-n1',
        'JointActivityOrganised',
        { networkId: 'n1', activityId: 'ja-1', associationId: 'a1', staffId: 's1', title: 'Fælles sommerfest' },
        '2010-05-20T14:00:00.000Z',
      );
      leave(history, 'n1', 'association', 'a1', '2010-08-10T10:00:00.000Z');
      join(history, 'n1', 'association', 'a1', '2010-11-20T10:00:00.000Z');
      return history;
    };

    it('when the events are projected, then the association has a contact from the activity date to leaving, and again from rejoining', () => {
      const contact = given(contactHistory())
        .facts('associations', 'a1')
        .filter((fact) => fact.indicator === 'RSL-ASSOCIATIONS-WITH-STAFF-CONTACT' && fact.numerator === 1);
      expect(contact).toEqual([
        { indicator: 'RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', from: '2010-05-20T14:00:00.000Z', until: '2010-08-10T10:00:00.000Z', numerator: 1, denominator: 0, subjects: 0, dims: associationDims },
        { indicator: 'RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', from: '2010-11-20T10:00:00.000Z', until: null, numerator: 1, denominator: 0, subjects: 0, dims: associationDims },
      ]);
    });

    it('when the cells are summed, then the share of network associations with a contact follows the contact date and the membership', () => {
      const { cell } = given(contactHistory());
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'quarter', '2010-Q1')).toEqual({ numerator: 0, denominator: 2, subjects: 2 });
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 2, subjects: 2 });
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'quarter', '2010-Q2', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'quarter', '2010-Q2', 'housingArea', 'mjolnerparken')).toEqual({ numerator: 0, denominator: 1, subjects: 1 });
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'quarter', '2010-Q3')).toEqual({ numerator: 0, denominator: 1, subjects: 1 });
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'quarter', '2010-Q4')).toEqual({ numerator: 1, denominator: 2, subjects: 2 });
      expect(cell('RSL-ASSOCIATIONS-WITH-STAFF-CONTACT', 'programme', 'programme', 'associationType', 'women')).toEqual({ numerator: 1, denominator: 1, subjects: 1 });
    });

    it('when the cells are summed, then the network counts one joint activity in Q2 2010 in its own housing area', () => {
      const { cell } = given(contactHistory());
      expect(cell('RSL-JOINT-ACTIVITIES', 'quarter', '2010-Q2')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
      expect(cell('RSL-JOINT-ACTIVITIES', 'quarter', '2010-Q2', 'housingArea', 'tingbjerg-husum')).toEqual({ numerator: 1, denominator: 0, subjects: 0 });
    });
  });
});
