import { attendanceCsv, csvCell } from './attendance-csv';

describe('attendance CSV', () => {
  it('quotes commas, quotes and line breaks, and defuses formulas', () => {
    expect(csvCell('Siti, Aminah')).toBe('"Siti, Aminah"');
    expect(csvCell('Budi "Kopi"')).toBe('"Budi ""Kopi"""');
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvCell(-5)).toBe('-5');
  });

  it('writes one row per registrant with per-session columns', () => {
    const csv = attendanceCsv(
      [{ userId: 'u1', name: 'Siti', seconds: 60, attended: false, sessions: [{ sessionId: 's1', seconds: 60, attended: true }] }],
      ['s1', 's2'],
    );
    expect(csv).toBe('userId,name,seconds,attended,session1Seconds,session1Attended,session2Seconds,session2Attended\r\nu1,Siti,60,false,60,true,0,false\r\n');
  });
});
