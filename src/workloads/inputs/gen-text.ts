/**
 * Word-count input: ASCII text of exactly the requested size, lowercase pseudo-words drawn from a
 * Zipf(1) distribution over a 100k-word vocabulary (natural text is roughly Zipfian, and the
 * number of distinct words seen grows with the text, as in real corpora), separated by
 * spaces, with a newline roughly every 12 words and some capitalised words and punctuation so the
 * tokeniser has real work. Deterministic per seed.
 */
import { createPrng, type Prng } from "./prng.js";

const SYLLABLES = ["ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ze", "qu", "bar", "den", "fin", "gor", "hul", "jet"];

function makeWord(prng: Prng): string {
  const n = 1 + prng.int(5);
  let w = "";
  for (let i = 0; i < n; i++) w += SYLLABLES[prng.int(SYLLABLES.length)];
  return w;
}

/** `size` distinct pseudo-words, deterministic per seed. */
export function generateVocabulary(size: number, seed: number): string[] {
  const prng = createPrng(seed);
  const seen = new Set<string>();
  while (seen.size < size) seen.add(makeWord(prng) + (seen.size % 7 === 0 ? String(seen.size % 97) : ""));
  return [...seen];
}

export function generateText(inputBytes: number, seed: number, vocabularySize = 100_000): Uint8Array {
  const prng = createPrng(seed ^ 0x5bd1e995);
  const vocab = generateVocabulary(vocabularySize, seed).map((w) => Buffer.from(w, "latin1"));
  const cdf = new Float64Array(vocab.length);
  let acc = 0;
  for (let i = 0; i < vocab.length; i++) cdf[i] = acc += 1 / (i + 1);
  const out = new Uint8Array(inputBytes);
  let at = 0;
  let wordsOnLine = 0;
  while (at < inputBytes) {
    const u = prng.next() * acc;
    let lo = 0;
    let hi = vocab.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid]! < u) lo = mid + 1;
      else hi = mid;
    }
    const word = vocab[lo]!;
    const n = Math.min(word.length, inputBytes - at);
    out.set(word.subarray(0, n), at);
    if (n > 0 && prng.next() < 0.05) out[at] = out[at]! - 32;
    at += n;
    if (at >= inputBytes) break;
    const r = prng.next();
    out[at++] = ++wordsOnLine >= 12 ? 10 : r < 0.04 ? 44 : r < 0.06 ? 46 : 32;
    if (out[at - 1] === 10) wordsOnLine = 0;
    else if (out[at - 1] !== 32 && at < inputBytes) out[at++] = 32;
  }
  return out;
}
