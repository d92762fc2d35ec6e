// mulberry32: a small seeded generator, uniform in [0, 1), for tests whose random choices must be
// the same on every run (the schema's mutations, hover.test.mjs's sampled indices).

/** A generator seeded with `seed`: each call returns the next number in [0, 1). */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
