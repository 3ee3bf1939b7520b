/** What a production JWT secret must carry at least: guessing it must be as hard as guessing a 128-bit key. */
export const JWT_SECRET_MIN_BITS = 128;

/** Shannon entropy of the symbols' frequencies, in bits per symbol. */
function bitsPerSymbol(symbols: number[]): number {
  const counts = new Map<number, number>();
  for (const symbol of symbols) counts.set(symbol, (counts.get(symbol) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / symbols.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/**
 * A conservative estimate of how many bits of randomness a secret holds: its length times the entropy per
 * character, measured on the characters and on the steps between neighbours, whichever is lower. So
 * `xxxx…` (one character) and `abcdefgh…` (one step) count as nearly nothing, while `openssl rand -base64 48`
 * counts over 300 bits. A sample this short underestimates random text a little; that errs on the safe side.
 */
export function estimatedEntropyBits(secret: string): number {
  const codes = Array.from(secret, (c) => c.codePointAt(0)!);
  if (codes.length < 2) return 0;
  const steps = codes.slice(1).map((code, i) => code - codes[i]);
  return Math.floor(Math.min(bitsPerSymbol(codes), bitsPerSymbol(steps)) * codes.length);
}
