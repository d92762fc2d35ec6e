// Compares two screenshots of the same box the way a reader's eye would: a pixel of one counts as
// different only when no pixel within `radius` of the same place in the other is within `tolerance`
// (per channel, 0-255) of it, checked both ways. That forgives what antialiasing and sub-pixel
// text placement change (an edge a fraction of a pixel away, a glyph rasterised by another path)
// and catches anything a reader could see move: a shift of two pixels or more, a missing or extra
// mark, a different colour.

/**
 * @param {{ width: number, height: number, pixel: (x: number, y: number) => number[] }} a
 * @param {{ width: number, height: number, pixel: (x: number, y: number) => number[] }} b
 * @returns {{ different: number, total: number, share: number, box: number[] | null }}
 */
export function compareShots(a, b, { tolerance = 48, radius = 1 } = {}) {
  if (a.width !== b.width || a.height !== b.height) throw new Error(`sizes differ: ${a.width}x${a.height} and ${b.width}x${b.height}`);
  const { width: w, height: h } = a;
  const near = (p, img, x, y) => {
    for (let dy = -radius; dy <= radius; dy++) {
      for (let dx = -radius; dx <= radius; dx++) {
        const qx = x + dx;
        const qy = y + dy;
        if (qx < 0 || qy < 0 || qx >= w || qy >= h) continue;
        const q = img.pixel(qx, qy);
        if (Math.abs(p[0] - q[0]) <= tolerance && Math.abs(p[1] - q[1]) <= tolerance && Math.abs(p[2] - q[2]) <= tolerance) return true;
      }
    }
    return false;
  };
  let different = 0;
  let box = null;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const pa = a.pixel(x, y);
      const pb = b.pixel(x, y);
      if (pa[0] === pb[0] && pa[1] === pb[1] && pa[2] === pb[2]) continue;
      if (near(pa, b, x, y) && near(pb, a, x, y)) continue;
      different++;
      box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
    }
  }
  return { different, total: w * h, share: different / (w * h), box };
}
