// jieba-rs through npm's @node-rs/jieba (prebuilt native addon), cut() with HMM.
//   node jieba_rs_peer.cjs CORPUS REPEAT   -> one JSON line
const fs = require('fs');
const t0 = process.hrtime.bigint();
const { Jieba } = require('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict');
const jieba = Jieba.withDict(dict);
const loadS = Number(process.hrtime.bigint() - t0) / 1e9;

const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n').filter((l) => l.length > 0);
let best = Infinity;
let tokens = 0;
for (let r = 0; r < Number(process.argv[3]); ++r) {
  tokens = 0;
  const t1 = process.hrtime.bigint();
  for (const line of lines) tokens += jieba.cut(line, true).length;
  best = Math.min(best, Number(process.hrtime.bigint() - t1) / 1e9);
}
const bytes = lines.reduce((n, l) => n + Buffer.byteLength(l), 0);
console.log(JSON.stringify({ engine: 'jieba-rs', bytes, load_s: loadS, seconds: best, tokens }));
