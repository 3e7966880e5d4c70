package search

import (
	"cmp"
	"hash/maphash"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/resolve"
)

// content is what an index holds, in flat arrays without pointers (but for a few strings) so
// that a million entities cost the garbage collector next to nothing. A doc is an entity; its
// number is its importance rank, docs being indexed from the best connected down. Names and
// tokens are numbered too; "ends" arrays give where the items of a doc or name end.
type content struct {
	seq  int64
	seed maphash.Seed

	ids      text     // doc → entity ID
	typ, cat []uint16 // doc → kinds
	kinds    []string // type and category names

	nameEnds    []uint32 // doc → its names
	keys, norms text     // name → resolve.Key, model.NormName ("" when equal to the key)
	tokEnds     []uint32 // name → its tokens in toks
	toks        []int32
	acrEnds     []uint32 // doc → its acronyms in acrs
	acrs        text

	words    text     // token → its text, sorted
	postEnds []uint32 // token → the docs holding it in postings, in importance order
	postings []int32

	byKey, byAcr []hashed // name keys and norms, acronyms → docs
	near         []hashed // a token with a letter left out → the token
	byID         []int32  // docs in the order of their IDs
}

// text is a list of strings kept as one: their bytes one after another and where each ends.
type text struct {
	s    string
	ends []uint32
}

func (t *text) at(i int32) string { return t.s[start(t.ends, i):t.ends[i]] }
func (t *text) len() int          { return len(t.ends) }

type textBuilder struct {
	b    strings.Builder
	ends []uint32
}

func (t *textBuilder) add(s string) {
	t.b.WriteString(s)
	t.ends = append(t.ends, uint32(t.b.Len()))
}

func (t *textBuilder) len() int   { return len(t.ends) }
func (t *textBuilder) text() text { return text{t.b.String(), t.ends} }

// start is where item i of an ends array begins.
func start(ends []uint32, i int32) uint32 {
	if i == 0 {
		return 0
	}
	return ends[i-1]
}

// hashed maps a string's hash to a number. Lists of them are sorted by hash, then number; the
// rare collision costs a candidate that ranking turns away.
type hashed struct {
	h uint64
	v int32
}

func (c *content) hash(s string) uint64 { return maphash.String(c.seed, s) }

// lookup returns the numbers a string maps to in a hashed list.
func (c *content) lookup(hs []hashed, s string) []hashed {
	h := c.hash(s)
	i := sort.Search(len(hs), func(i int) bool { return hs[i].h >= h })
	j := i
	for j < len(hs) && hs[j].h == h {
		j++
	}
	return hs[i:j]
}

func sortHashed(hs []hashed) {
	slices.SortFunc(hs, func(a, b hashed) int {
		if a.h != b.h {
			return cmp.Compare(a.h, b.h)
		}
		return cmp.Compare(a.v, b.v)
	})
}

// token returns a token's number.
func (c *content) token(w string) (int32, bool) {
	i := sort.Search(c.words.len(), func(i int) bool { return c.words.at(int32(i)) >= w })
	return int32(i), i < c.words.len() && c.words.at(int32(i)) == w
}

func (c *content) posting(t int32) []int32 { return c.postings[start(c.postEnds, t):c.postEnds[t]] }

// maxWalk bounds how many postings one query walks to find entities holding all its words.

type builder struct {
	c                      *content
	ids, keys, norms, acrs textBuilder
	kinds                  map[string]uint16
	// tokens are numbered as met, renumbered in sorted order at the end
	tokNum map[string]int32
	words  []string
	posts  [][]int32
}

func newBuilder(seq int64) *builder {
	return &builder{c: &content{seq: seq, seed: maphash.MakeSeed()}, kinds: map[string]uint16{}, tokNum: map[string]int32{}}
}

// add indexes the next entities.
func (b *builder) add(es []model.Entity) {
	// folding names is the costly part: do it on every core
	forms := make([][]resolve.Forms, len(es))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(es); i += workers {
				fs := make([]resolve.Forms, 0, 1+len(es[i].Aliases))
				fs = append(fs, resolve.Analyze(es[i].Name))
				for _, a := range es[i].Aliases {
					fs = append(fs, resolve.Analyze(a.Value))
				}
				forms[i] = fs
			}
		}(w)
	}
	wg.Wait()
	for i, e := range es {
		b.entity(e, forms[i])
	}
}

func (b *builder) kind(s string) uint16 {
	k, ok := b.kinds[s]
	if !ok {
		k = uint16(len(b.c.kinds))
		b.kinds[s] = k
		b.c.kinds = append(b.c.kinds, s)
	}
	return k
}

// entity indexes one entity with the folded forms of its name and aliases.
func (b *builder) entity(e model.Entity, forms []resolve.Forms) {
	c := b.c
	pos := int32(b.ids.len())
	b.ids.add(e.ID)
	c.typ = append(c.typ, b.kind(e.Type))
	c.cat = append(c.cat, b.kind(e.Category))
	seenKey, seenAcr, seenTok := map[string]bool{}, map[string]bool{}, map[int32]bool{}
	addAcr := func(a string) {
		if a != "" && !seenAcr[a] {
			seenAcr[a] = true
			b.acrs.add(a)
			c.byAcr = append(c.byAcr, hashed{c.hash(a), pos})
		}
	}
	add := func(f resolve.Forms, value, kind string) {
		if f.Key == "" {
			return
		}
		b.keys.add(f.Key)
		if f.Norm == f.Key {
			b.norms.add("")
		} else {
			b.norms.add(f.Norm)
		}
		for _, k := range []string{f.Key, f.Norm} {
			if !seenKey[k] {
				seenKey[k] = true
				c.byKey = append(c.byKey, hashed{c.hash(k), pos})
			}
		}
		for _, w := range f.Tokens {
			t, ok := b.tokNum[w]
			if !ok {
				t = int32(len(b.words))
				b.tokNum[w] = t
				b.words = append(b.words, w)
				b.posts = append(b.posts, nil)
			}
			c.toks = append(c.toks, t)
			if !seenTok[t] {
				seenTok[t] = true
				b.posts[t] = append(b.posts[t], pos)
			}
		}
		c.tokEnds = append(c.tokEnds, uint32(len(c.toks)))
		if kind == "acronym" || resolve.LooksLikeAcronym(value) {
			addAcr(strings.ReplaceAll(f.Norm, " ", ""))
		}
		for _, a := range f.Acronyms {
			addAcr(a)
		}
	}
	add(forms[0], e.Name, "")
	for j, a := range e.Aliases {
		add(forms[j+1], a.Value, a.Kind)
	}
	c.nameEnds = append(c.nameEnds, uint32(b.keys.len()))
	c.acrEnds = append(c.acrEnds, uint32(b.acrs.len()))
}

// done returns the content, its tokens in sorted order with their postings in one array.
func (b *builder) done() *content {
	c := b.c
	c.ids, c.keys, c.norms, c.acrs = b.ids.text(), b.keys.text(), b.norms.text(), b.acrs.text()
	order := make([]int32, len(b.words))
	for i := range order {
		order[i] = int32(i)
	}
	slices.SortFunc(order, func(x, y int32) int { return strings.Compare(b.words[x], b.words[y]) })
	renumber := make([]int32, len(b.words))
	var ws textBuilder
	for n, t := range order {
		renumber[t] = int32(n)
		w := b.words[t]
		ws.add(w)
		c.postings = append(c.postings, b.posts[t]...)
		c.postEnds = append(c.postEnds, uint32(len(c.postings)))
		b.posts[t] = nil
		if utf8.RuneCountInString(w) >= 4 && !resolve.HasHan(w) {
			for _, d := range deletions(w) {
				c.near = append(c.near, hashed{c.hash(d), int32(n)})
			}
		}
	}
	c.words = ws.text()
	for i, t := range c.toks {
		c.toks[i] = renumber[t]
	}
	sortHashed(c.byKey)
	sortHashed(c.byAcr)
	sortHashed(c.near)
	c.byID = make([]int32, c.ids.len())
	for i := range c.byID {
		c.byID[i] = int32(i)
	}
	slices.SortFunc(c.byID, func(x, y int32) int { return strings.Compare(c.ids.at(x), c.ids.at(y)) })
	return c
}

// doc returns the doc of an entity ID.
func (c *content) doc(id string) (int32, bool) {
	i, ok := slices.BinarySearchFunc(c.byID, id, func(d int32, id string) int { return strings.Compare(c.ids.at(d), id) })
	if !ok {
		return 0, false
	}
	return c.byID[i], true
}

// deletions returns a word with each one of its letters left out.
func deletions(w string) []string {
	rs := []rune(w)
	out := make([]string, 0, len(rs))
	for i := range rs {
		out = append(out, string(rs[:i])+string(rs[i+1:]))
	}
	return out
}
