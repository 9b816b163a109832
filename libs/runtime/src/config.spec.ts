import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  describe('given no MIN_CELL_SIZE', () => {
    it('when the configuration is loaded, then groups of fewer than 5 are withheld', () => {
      expect(loadConfig({}).minCellSize).toBe(5);
    });
  });

  describe('given MIN_CELL_SIZE=3 (as Statistics Denmark)', () => {
    it('when the configuration is loaded, then the threshold is 3', () => {
      expect(loadConfig({ MIN_CELL_SIZE: '3' }).minCellSize).toBe(3);
    });
  });

  describe.each(['1', '0', '2.5', 'five', '101'])('given MIN_CELL_SIZE=%s', (raw) => {
    it('when the configuration is loaded, then it stops with a message naming the setting and its range', () => {
      expect(() => loadConfig({ MIN_CELL_SIZE: raw })).toThrow(new ConfigError(`MIN_CELL_SIZE must be an integer from 2 to 100, got "${raw}"`));
    });
  });
});
