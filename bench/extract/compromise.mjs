// Times the compromise NLP library (npm) on the same text as hkin's BenchmarkExtract, and can
// write its people, places and organisations in hkin's extraction JSON for the shared scorer.
//
//   node compromise.mjs [FILE]              time nlp() plus entity lookups on FILE and on 1 MB of it
//   node compromise.mjs --extract FILE      print an extraction JSON (entities only)
//
// FILE defaults to the seed article in ../../../shared/eval/dev (read there, never copied).
import fs from 'node:fs'
import nlp from 'compromise'

const args = process.argv.slice(2)
const extractMode = args[0] === '--extract'
const file = (extractMode ? args[1] : args[0]) || new URL('../../../shared/eval/dev/seed-article.txt', import.meta.url)
const text = fs.readFileSync(file, 'utf8')

function analyse(t) {
  const doc = nlp(t)
  return {
    people: doc.people().out('array'),
    places: doc.places().out('array'),
    organizations: doc.organizations().out('array'),
    numbers: doc.numbers().out('array'),
  }
}

if (extractMode) {
  const r = analyse(text)
  const entities = []
  const seen = new Set()
  const add = (name, type) => {
    name = name.replace(/[.,;:'’"]+$/g, '').replace(/['’]s$/, '').trim()
    const key = type + ':' + name.toLowerCase()
    if (!name || seen.has(key)) return
    seen.add(key)
    entities.push({ id: 'e' + (entities.length + 1), name, type, aliases: [] })
  }
  r.people.forEach((n) => add(n, 'person'))
  r.places.forEach((n) => add(n, 'place'))
  r.organizations.forEach((n) => add(n, 'organization'))
  console.log(JSON.stringify({ document: {}, entities, relations: [], events: [], metrics: [] }, null, 2))
  process.exit(0)
}

function time(label, t, minMillis) {
  analyse(t) // warm up
  let n = 0
  const start = process.hrtime.bigint()
  let elapsed = 0
  while (elapsed < minMillis) {
    analyse(t)
    n++
    elapsed = Number(process.hrtime.bigint() - start) / 1e6
  }
  const perOp = elapsed / n
  const mbps = Buffer.byteLength(t) / 1e6 / (perOp / 1000)
  console.log(`${label}\t${n} runs\t${perOp.toFixed(2)} ms/op\t${mbps.toFixed(3)} MB/s`)
}

time('compromise seed article (' + Buffer.byteLength(text) + ' B)', text, 3000)
const big = (text + '\n\n').repeat(Math.ceil((1 << 20) / Buffer.byteLength(text)))
time('compromise 1 MB (' + Buffer.byteLength(big) + ' B)', big, 3000)
