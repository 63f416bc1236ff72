// jieba-rs (npm's @node-rs/jieba, prebuilt native addon) as a command line,
// the peer of `zhpolicy segment`: the words of each line of FILE separated by
// single spaces (cut with HMM, white space dropped), one output line per
// input line, on stdout.
//   node jieba_rs_cli.cjs FILE
const fs = require('fs');
const { Jieba } = require('@node-rs/jieba');
const { dict } = require('@node-rs/jieba/dict');
const jieba = Jieba.withDict(dict);
const lines = fs.readFileSync(process.argv[2], 'utf8').split('\n');
if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
const chunk = [];
let size = 0;
for (const line of lines) {
  const text = line.endsWith('\r') ? line.slice(0, -1) : line;
  const out = jieba.cut(text, true).filter((w) => w.trim().length > 0).join(' ') + '\n';
  chunk.push(out);
  size += out.length;
  if (size >= 1 << 20) {
    fs.writeSync(1, chunk.join(''));
    chunk.length = 0;
    size = 0;
  }
}
fs.writeSync(1, chunk.join(''));
