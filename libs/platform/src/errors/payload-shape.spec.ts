import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { loneSurrogatePaths, shapeProblems } from './payload-shape';

class Session {
  @ApiProperty() start: string;
}

class Workshop {
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional({ type: String, nullable: true }) note?: string | null;
  @ApiPropertyOptional({ type: [Session] }) sessions?: Session[];
  @ApiPropertyOptional({ type: Session }) first?: Session;
}

describe('payload shape', () => {
  it('refuses null only where the DTO does not document nullable', () => {
    expect(shapeProblems({ title: null, note: null }, Workshop)).toEqual(['title must not be null (leave it out to keep it as it is)']);
    expect(shapeProblems({ title: 'Judul' }, Workshop)).toEqual([]);
  });

  it('refuses anything but an object in a list of nested DTOs, and looks inside the objects', () => {
    expect(shapeProblems({ sessions: [[{ start: 'x' }], 'x', { start: null }] }, Workshop)).toEqual(['each of sessions must be an object', 'each of sessions must be an object', 'sessions[2].start must not be null (leave it out to keep it as it is)']);
    expect(shapeProblems({ first: { start: null } }, Workshop)).toEqual(['first.start must not be null (leave it out to keep it as it is)']);
  });

  it('finds lone surrogates in values and keys, and lets pairs (emoji) through', () => {
    expect(loneSurrogatePaths({ a: 'ok 😀', b: ['x\uD800'], ['\uDC00']: 1 }, 'body')).toEqual(['body (a key)', 'body.b[0]']);
    expect(loneSurrogatePaths({ a: '👩🏽‍💻' }, 'body')).toEqual([]);
  });
});
