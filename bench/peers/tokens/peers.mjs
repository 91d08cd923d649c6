// Side-by-side peers for bench_tokens: counts the tokens of the same text with tiktoken's WASM
// build and with gpt-tokenizer, single thread, and prints MB/s (MB = 10^6 bytes), by wall
// time and by the process's CPU time (fairer on a busy machine).
//   build/<dir>/bench/tokens/bench_tokens --write-text /tmp/bench-text.txt
//   (cd bench/peers/tokens && npm install && node peers.mjs /tmp/bench-text.txt)
import { readFileSync } from 'node:fs'
import { createHash } from 'node:crypto'
import { performance } from 'node:perf_hooks'
import { get_encoding } from 'tiktoken'
import * as gptCl100k from 'gpt-tokenizer/encoding/cl100k_base'
import * as gptO200k from 'gpt-tokenizer/encoding/o200k_base'

const file = process.argv[2]
if (!file) {
  console.error('usage: node peers.mjs <text file written by bench_tokens --write-text>')
  process.exit(2)
}
const bytes = readFileSync(file)
const text = bytes.toString('utf8')
const mb = bytes.length / 1e6
const rounds = Number(process.env.ROUNDS || 3)
console.log(`text: ${bytes.length} bytes (${mb.toFixed(2)} MB), sha256 ${createHash('sha256').update(bytes).digest('hex')}`)

function measure(label, fn) {
  let t = performance.now()
  const first = fn()
  const firstSeconds = (performance.now() - t) / 1000
  let best = Infinity
  let bestCpu = Infinity
  for (let i = 0; i < rounds; i++) {
    t = performance.now()
    const cpu = process.cpuUsage()
    const n = fn()
    const used = process.cpuUsage(cpu)
    bestCpu = Math.min(bestCpu, (used.user + used.system) / 1e6)
    best = Math.min(best, (performance.now() - t) / 1000)
    if (n !== first) throw new Error(`${label}: counts differ between runs`)
  }
  console.log(`${label.padEnd(34)} tokens ${first} | first ${(mb / firstSeconds).toFixed(1)} MB/s, best ${(mb / best).toFixed(1)} MB/s (${(mb / bestCpu).toFixed(1)} MB/s of CPU time)`)
}

for (const name of ['cl100k_base', 'o200k_base']) {
  const enc = get_encoding(name)
  measure(`tiktoken ${name} (wasm)`, () => enc.encode_ordinary(text).length)
  enc.free()
}
const noSpecial = { disallowedSpecial: new Set() }
measure('gpt-tokenizer cl100k_base', () => gptCl100k.encode(text, noSpecial).length)
measure('gpt-tokenizer o200k_base', () => gptO200k.encode(text, noSpecial).length)
