// Consumes the simulator's benchmark stream with the official OpenAI Node SDK and prints the same
// figures as bench_openai_stream: chunks/s, MB/s (stream bytes / time) and peak RSS.
//   node openai-stream.mjs --base-url http://127.0.0.1:PORT/v1 [--rounds 5] [--bytes N]
import OpenAI from 'openai';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
};
const baseURL = option('base-url');
if (!baseURL) {
  console.error('usage: node openai-stream.mjs --base-url URL [--rounds N] [--bytes STREAM_BYTES]');
  process.exit(2);
}
const rounds = Number(option('rounds', '5'));
const streamBytes = Number(option('bytes', '17100947'));
const client = new OpenAI({ baseURL, apiKey: 'sk-bench-peer', maxRetries: 0 });

async function once() {
  const started = process.hrtime.bigint();
  const stream = await client.chat.completions.create({
    model: 'gpt-4o',
    messages: [{ role: 'user', content: 'bench' }],
    stream: true,
    stream_options: { include_usage: true },
  });
  let chunks = 0;
  let content = 0;
  for await (const chunk of stream) {
    const delta = chunk.choices[0]?.delta?.content;
    if (delta) {
      content += delta.length;
      chunks += 1;
    }
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return { chunks, content, seconds };
}

await once(); // warm-up
const rates = [];
let lastChunks = 100000;
for (let round = 1; round <= rounds; round += 1) {
  const { chunks, content, seconds } = await once();
  rates.push(chunks / seconds);
  lastChunks = chunks;
  console.log(`  round ${round}: node openai SDK ${(chunks / seconds / 1e3).toFixed(0)} k chunks/s ` +
              `(${(streamBytes / seconds / 1e6).toFixed(0)} MB/s, ${content} content chars)`);
}
rates.sort((a, b) => a - b);
const median = rates[Math.floor(rates.length / 2)];
console.log(`node openai SDK: median ${(median / 1e3).toFixed(0)} k chunks/s, ` +
            `${(median * streamBytes / lastChunks / 1e6).toFixed(0)} MB/s, ` +
            `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MiB`);
