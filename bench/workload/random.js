'use strict';
// A small seeded pseudo-random generator (mulberry32), so that generated workloads are the same on every run.

function randomFor(seed) {
  let a = 0;
  for (const c of String(seed)) a = (Math.imul(a, 31) + c.charCodeAt(0)) | 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const chance = (p) => next() < p;
  // a random non-empty subset of LIST, in LIST's order, between MIN and MAX items
  const subset = (list, min = 1, max = list.length) => {
    const k = min + int(Math.min(max, list.length) - min + 1);
    const picked = new Set();
    while (picked.size < k) picked.add(int(list.length));
    return [...picked].sort((x, y) => x - y).map((i) => list[i]);
  };
  return { next, int, chance, subset };
}

module.exports = { randomFor };
