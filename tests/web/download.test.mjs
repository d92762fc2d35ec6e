// src/web/download.js without the builder's module (offline, or a chart given as columns): its
// own composition wraps words as render::wrap does, never inside a number. Run with
// `node --test tests/web/`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pieces, wrap } from '../../src/web/download.js';

const ZH = '株洲农村居民人均可支配收入，2012–2015年从10,385.6元增至14,808元，增长42.6%';
const EN = 'Rural incomes in Zhuzhou, 2012–2015: from 10,385.6 to 14,808 yuan a year, up 42.6%';
const NUMBERS = ['2012–2015', '10,385.6', '14,808', '42.6%'];

/** The width of `s` at 17 px as layout::EstimateMeasure counts it (CJK one em, digits 0.56 …). */
function measure(s) {
  let em = 0;
  for (const c of s) {
    if (/[\u2E80-\u303E\u3041-\u33FF\u3400-\u4DBF\u4E00-\u9FFF\uFF00-\uFF60]/u.test(c)) em += 1;
    else if (/[0-9]/.test(c)) em += 0.56;
    else if (/[iljl.,:;'|! ]/.test(c)) em += 0.3;
    else if (/[A-Z%mw]/.test(c)) em += 0.72;
    else em += 0.56;
  }
  return em * 17;
}

test('titles wrap between words and CJK characters, never inside a number, in zh and en', () => {
  for (let width = 100; width <= 700; width += 3) {
    for (const [text, join] of [[ZH, ''], [EN, ' ']]) {
      const lines = wrap(text, width, measure);
      for (const n of NUMBERS) assert.ok(lines.some((l) => l.includes(n)), `${width} px: ${n} broken in ${JSON.stringify(lines)}`);
      assert.equal(lines.join(join), text, `${width} px: every word, in order`);
      for (const l of lines) assert.ok(measure(l) <= width || pieces(l).length === 1, `${width} px: ${l} overflows`);
    }
  }
  // the break: a character wrap at this width cut "2012–20 / 15"
  const lines = wrap(ZH, measure('株洲农村居民人均可支配收入，2012–20') + 1, measure);
  assert.equal(lines[0], '株洲农村居民人均可支配收入，');
  assert.ok(lines[1].startsWith('2012–2015年'), JSON.stringify(lines));
});

test('no line starts with closing punctuation or ends with opening punctuation', () => {
  const text = '各县市区“幸福屋场”社会资金投入（示例分布），平均每个屋场筹资筹劳超过100万元。';
  // from the widest piece up (布），: three em), below which a piece is cut as a last resort
  for (let width = 52; width <= 400; width += 2) {
    for (const l of wrap(text, width, measure)) {
      assert.ok(!/^[，。、）”]/u.test(l), `${width}: ${l}`);
      assert.ok(!/[（“]$/u.test(l), `${width}: ${l}`);
    }
  }
});
