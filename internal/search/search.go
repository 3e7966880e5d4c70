// Package search ranks entities for a search text, in English and in both Chinese scripts: an
// exact name first, then an acronym, then names that begin with the text, then names holding all
// of its words (the last one may be half typed), then names that match with a typo; ties go to
// the better connected entity. The index lives in memory, is built from the store and is rebuilt
// when the store changes (see Refresh and internal/follow).
package search

import (
	"cmp"
	"context"
	"fmt"
	"hash/maphash"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode/utf8"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/resolve"
	"github.com/hkin/hkin/internal/store"
)

// Tiers of a match, best first.
const (
	TierExact   = iota // a name equals the text (in any script, spelling or legal form)
	TierAcronym        // the text is the entity's acronym
	TierPrefix         // a name begins with the text
	TierWords          // a name holds every word of the text (the last may be a prefix)
	TierFuzzy          // a name holds the words with a typo, or most of them
)

// Index is an in-memory search index, safe for concurrent use. Its content is built whole and
// swapped in: searches never wait for a rebuild.
type Index struct {
	c atomic.Pointer[content]
}

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
const maxWalk = 20000

// maxCandidates bounds how many entities one query ranks.
const maxCandidates = 500

// New builds an index of entities given best connected first.
func New(es []model.Entity) *Index {
	b := newBuilder(0)
	b.add(es)
	ix := &Index{}
	ix.c.Store(b.done())
	return ix
}

// builder makes an index's content from entities given in batches, best connected first, so
// that a store's entities need not all be in memory at once.
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
	return c
}

func (t *textBuilder) len() int { return len(t.ends) }

// deletions returns a word with each one of its letters left out.
func deletions(w string) []string {
	rs := []rune(w)
	out := make([]string, 0, len(rs))
	for i := range rs {
		out = append(out, string(rs[:i])+string(rs[i+1:]))
	}
	return out
}

// Build indexes every live entity of a store, best connected first.
func Build(ctx context.Context, r store.Reader) (*Index, error) {
	ix := &Index{}
	if err := ix.Rebuild(ctx, r); err != nil {
		return nil, err
	}
	return ix, nil
}

// Rebuild reads the store's entities again and replaces the index's content. Pages are read
// while the one before is folded.
func (ix *Index) Rebuild(ctx context.Context, r store.Reader) error {
	seq, err := r.Seq(ctx)
	if err != nil {
		return err
	}
	pages := make(chan []model.Entity, 1)
	errc := make(chan error, 1)
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	go func() {
		defer close(pages)
		cursor := ""
		for {
			page, err := r.Entities(ctx, store.EntityQuery{Sort: "-" + store.SortDegree, Limit: 5000, Cursor: cursor})
			if err != nil {
				errc <- fmt.Errorf("search index: %w", err)
				return
			}
			select {
			case pages <- page.Entities:
			case <-ctx.Done():
				return
			}
			if cursor = page.Next; cursor == "" {
				return
			}
		}
	}()
	b := newBuilder(seq)
	for es := range pages {
		b.add(es)
	}
	select {
	case err := <-errc:
		return err
	default:
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	ix.c.Store(b.done())
	return nil
}

// Refresh is a follow.Refresh: it rebuilds the index when the store has changed.
func (ix *Index) Refresh(r store.Reader) func(ctx context.Context, from, to int64) error {
	return func(ctx context.Context, from, to int64) error { return ix.Rebuild(ctx, r) }
}

// Seq is the store's change number the index was built at.
func (ix *Index) Seq() int64 {
	if c := ix.c.Load(); c != nil {
		return c.seq
	}
	return 0
}

// Len is the number of entities indexed.
func (ix *Index) Len() int {
	if c := ix.c.Load(); c != nil {
		return c.ids.len()
	}
	return 0
}

// Hit is one ranked result.
type Hit struct {
	ID    string
	Tier  int
	Score float64 // within the tier, higher is better
}

// Query is a search with its restrictions.
type Query struct {
	Text       string
	Types      []string // restrict to these types (any when empty)
	Categories []string
	Limit      int // default 20
	Offset     int
}

// Search returns the best matches for the text, best first, and how many matched in all (up to
// the candidates ranked).
func (ix *Index) Search(q Query) ([]Hit, int) {
	c := ix.c.Load()
	if c == nil {
		return nil, 0
	}
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	key := resolve.Key(q.Text)
	if key == "" {
		return nil, 0
	}
	norm := model.NormName(resolve.Simplified(q.Text))
	qt := c.query(resolve.Tokens(q.Text))
	acr := ""
	if len(qt.words) == 1 && !resolve.HasHan(key) {
		acr = strings.ReplaceAll(norm, " ", "")
	}

	var cands candidates
	cands.take(c.lookup(c.byKey, key))
	if norm != key {
		cands.take(c.lookup(c.byKey, norm))
	}
	if acr != "" {
		cands.take(c.lookup(c.byAcr, acr))
	}
	// every word of the text: the postings of each full word (or its typo neighbours)
	// intersected, the last word also as a prefix
	alts := make([][]int32, len(qt.words))
	for i, w := range qt.words {
		t := qt.ids[i]
		if t >= 0 {
			alts[i] = append(alts[i], t)
		}
		// a word few names hold may itself be a typo: look for its neighbours too
		if t < 0 || len(c.posting(t)) < 50 || i == len(qt.words)-1 {
			alts[i] = append(alts[i], c.neighbours(w, t, i == len(qt.words)-1)...)
		}
	}
	cands.takeDocs(c.intersect(alts, maxCandidates))
	if cands.n < maxCandidates/4 {
		// fewer than all words: the entities holding the rarest word of the text
		rare := int32(-1)
		for _, t := range qt.ids {
			if t >= 0 && (rare < 0 || len(c.posting(t)) < len(c.posting(rare))) {
				rare = t
			}
		}
		if rare >= 0 {
			l := c.posting(rare)
			cands.takeDocs(l[:min(len(l), maxCandidates/2)])
		}
	}

	types, byType := c.kindsOf(q.Types)
	cats, byCat := c.kindsOf(q.Categories)
	type ranked struct {
		doc   int32
		tier  int
		score float64
	}
	rs := make([]ranked, 0, cands.n)
	for _, d := range cands.list[:cands.n] {
		if byType && !slices.Contains(types, c.typ[d]) || byCat && !slices.Contains(cats, c.cat[d]) {
			continue
		}
		if tier, score, ok := c.rank(d, key, norm, acr, qt); ok {
			rs = append(rs, ranked{d, tier, score})
		}
	}
	slices.SortFunc(rs, func(x, y ranked) int {
		if x.tier != y.tier {
			return cmp.Compare(x.tier, y.tier)
		}
		if x.score != y.score {
			return cmp.Compare(y.score, x.score)
		}
		return cmp.Compare(x.doc, y.doc) // the better connected
	})
	out := make([]Hit, 0, min(limit, len(rs)))
	for _, r := range rs[min(q.Offset, len(rs)):] {
		if len(out) == limit {
			break
		}
		out = append(out, Hit{ID: c.ids.at(r.doc), Tier: r.tier, Score: r.score})
	}
	return out, len(rs)
}

// kindsOf returns the numbers of type or category names, and whether there are names to
// restrict to (a name the index has never seen restricts to nothing).
func (c *content) kindsOf(names []string) ([]uint16, bool) {
	var ks []uint16
	for _, n := range names {
		if i := slices.Index(c.kinds, n); i >= 0 {
			ks = append(ks, uint16(i))
		}
	}
	return ks, len(names) > 0
}

// candidates gathers up to maxCandidates docs without repeats, in the order taken.
type candidates struct {
	list  [maxCandidates]int32
	n     int
	slots [2 * maxCandidates]int32 // an open-addressing set of doc+1
}

func (cs *candidates) add(d int32) {
	if cs.n == maxCandidates {
		return
	}
	i := uint32(d) * 2654435761 % uint32(len(cs.slots))
	for cs.slots[i] != 0 {
		if cs.slots[i] == d+1 {
			return
		}
		i = (i + 1) % uint32(len(cs.slots))
	}
	cs.slots[i] = d + 1
	cs.list[cs.n] = d
	cs.n++
}

func (cs *candidates) take(hs []hashed) {
	for _, h := range hs {
		cs.add(h.v)
	}
}

func (cs *candidates) takeDocs(docs []int32) {
	for _, d := range docs {
		cs.add(d)
	}
}

// query is the text's tokens with their numbers (-1 for a token no name holds).
type query struct {
	words []string
	ids   []int32
}

func (c *content) query(words []string) query {
	q := query{words: words, ids: make([]int32, len(words))}
	for i, w := range words {
		q.ids[i] = -1
		if t, ok := c.token(w); ok {
			q.ids[i] = t
		}
	}
	return q
}

// neighbours returns the indexed tokens one typo from w (numbered t, or -1 when no name holds
// it) and, for the word being typed, those it begins (a capped number, most common first).
func (c *content) neighbours(w string, t int32, prefix bool) []int32 {
	var out []int32
	add := func(n int32) {
		if n != t && !slices.Contains(out, n) {
			out = append(out, n)
		}
	}
	if utf8.RuneCountInString(w) >= 4 && !resolve.HasHan(w) {
		for _, d := range append([]string{w}, deletions(w)...) {
			for _, h := range c.lookup(c.near, d) {
				if oneEdit(w, c.words.at(h.v)) {
					add(h.v)
				}
			}
			if n, ok := c.token(d); ok {
				add(n)
			}
		}
		rs := []rune(w)
		for i := 0; i+1 < len(rs); i++ {
			rs[i], rs[i+1] = rs[i+1], rs[i]
			if n, ok := c.token(string(rs)); ok {
				add(n)
			}
			rs[i], rs[i+1] = rs[i+1], rs[i]
		}
	}
	if prefix {
		// of the first 1,024 words it begins, the 64 that most names hold
		var begun []int32
		i, _ := c.token(w)
		for n := 0; int(i) < c.words.len() && strings.HasPrefix(c.words.at(i), w) && n < 1024; i, n = i+1, n+1 {
			if i != t {
				begun = append(begun, i)
			}
		}
		if len(begun) > 64 {
			slices.SortStableFunc(begun, func(a, b int32) int { return len(c.posting(b)) - len(c.posting(a)) })
			begun = begun[:64]
		}
		out = append(out, begun...)
	}
	return out
}

// intersect returns, best connected first and at most limit of them, the docs that hold for
// every position one of its alternative tokens. It walks the postings of the position with the
// fewest; a position of one token is checked by a search in its postings, one of several
// tokens (a half-typed word, a word with its typo neighbours) on the doc's own tokens, so that
// a prefix matching thousands of tokens never has its postings gathered and sorted.
func (c *content) intersect(alts [][]int32, limit int) []int32 {
	if len(alts) == 0 {
		return nil
	}
	drive, least := -1, 0
	for i, a := range alts {
		n := 0
		for _, t := range a {
			n += len(c.posting(t))
		}
		if n == 0 {
			return nil
		}
		if drive < 0 || n < least {
			drive, least = i, n
		}
	}
	var lists [][]int32 // positions of one token: their postings
	var sets [][]int32  // positions of several: their tokens, sorted
	for i, a := range alts {
		switch {
		case i == drive:
		case len(a) == 1:
			lists = append(lists, c.posting(a[0]))
		default:
			set := slices.Clone(a)
			slices.Sort(set)
			sets = append(sets, set)
		}
	}
	walk := make([][]int32, 0, len(alts[drive]))
	for _, t := range alts[drive] {
		walk = append(walk, c.posting(t))
	}
	var out []int32
	m := newMerge(walk)
	// a rare combination of common words would walk a long list to its end: the walk stops
	// after maxWalk postings, the best connected holders having come first
	walked := 0
next:
	for d, ok := m.next(); ok && len(out) < limit && walked < maxWalk; d, ok = m.next() {
		walked++
		for i, l := range lists {
			j, found := slices.BinarySearch(l, d)
			if lists[i] = l[j:]; !found {
				continue next
			}
		}
		if c.holdsAll(d, sets) {
			out = append(out, d)
		}
	}
	return out
}

// holdsAll reports whether a doc's names hold, for every set, one of its tokens.
func (c *content) holdsAll(d int32, sets [][]int32) bool {
	first, end := start(c.nameEnds, d), c.nameEnds[d]
	toks := c.toks[start(c.tokEnds, int32(first)):start(c.tokEnds, int32(end))]
	for _, s := range sets {
		if !slices.ContainsFunc(toks, func(t int32) bool { _, ok := slices.BinarySearch(s, t); return ok }) {
			return false
		}
	}
	return true
}

// merge walks several sorted posting lists as one, in order and without repeats.
type merge struct {
	lists [][]int32
	heap  []int // indexes of the non-empty lists, a min-heap on their heads
	last  int32
	any   bool
}

func newMerge(lists [][]int32) *merge {
	m := &merge{lists: lists}
	for i, l := range lists {
		if len(l) > 0 {
			m.heap = append(m.heap, i)
		}
	}
	for i := len(m.heap)/2 - 1; i >= 0; i-- {
		m.down(i)
	}
	return m
}

func (m *merge) next() (int32, bool) {
	for len(m.heap) > 0 {
		top := m.heap[0]
		p := m.lists[top][0]
		if m.lists[top] = m.lists[top][1:]; len(m.lists[top]) == 0 {
			last := len(m.heap) - 1
			m.heap[0] = m.heap[last]
			m.heap = m.heap[:last]
		}
		m.down(0)
		if m.any && p == m.last {
			continue
		}
		m.last, m.any = p, true
		return p, true
	}
	return 0, false
}

func (m *merge) down(i int) {
	for {
		small := i
		for _, c := range []int{2*i + 1, 2*i + 2} {
			if c < len(m.heap) && m.lists[m.heap[c]][0] < m.lists[m.heap[small]][0] {
				small = c
			}
		}
		if small == i {
			return
		}
		m.heap[i], m.heap[small] = m.heap[small], m.heap[i]
		i = small
	}
}

// rank places a doc in a tier for the text, with a score within the tier.
func (c *content) rank(d int32, key, norm, acr string, q query) (int, float64, bool) {
	best, score, ok := TierFuzzy+1, 0.0, false
	better := func(t int, s float64) {
		if t < best || t == best && s > score {
			best, score, ok = t, s, true
		}
	}
	for n := int32(start(c.nameEnds, d)); n < int32(c.nameEnds[d]); n++ {
		nkey, nnorm := c.keys.at(n), c.norms.at(n)
		if nnorm == "" {
			nnorm = nkey
		}
		if nkey == key || nnorm == norm {
			better(TierExact, 1)
			continue
		}
		if strings.HasPrefix(nkey, key) || strings.HasPrefix(nnorm, norm) {
			better(TierPrefix, float64(len(key))/float64(len(nkey)))
			continue
		}
		toks := c.toks[start(c.tokEnds, n):c.tokEnds[n]]
		matched, typos := c.cover(toks, q)
		if matched == 0 {
			continue
		}
		frac := float64(matched) / float64(len(q.words))
		// how much of the name the text covers: a shorter name that holds every word is the better
		share := float64(matched) / float64(len(toks))
		switch {
		case matched == len(q.words) && typos == 0:
			better(TierWords, share)
		case frac >= 0.6 && len(q.words) > 1 || matched == len(q.words):
			better(TierFuzzy, frac*share-0.1*float64(typos))
		}
	}
	if acr != "" && best > TierAcronym {
		for a := int32(start(c.acrEnds, d)); a < int32(c.acrEnds[d]); a++ {
			if c.acrs.at(a) == acr {
				better(TierAcronym, 1)
				break
			}
		}
	}
	return best, score, ok
}

// cover counts the text's tokens a name holds (the last may be a prefix), and how many of
// those only with a typo.
func (c *content) cover(name []int32, q query) (matched, typos int) {
	for i, t := range q.words {
		last := i == len(q.words)-1
		found, typo := false, false
		for _, w := range name {
			if w == q.ids[i] || last && strings.HasPrefix(c.words.at(w), t) {
				found = true
				break
			}
		}
		if !found && utf8.RuneCountInString(t) >= 4 {
			for _, w := range name {
				if oneEdit(t, c.words.at(w)) {
					found, typo = true, true
					break
				}
			}
		}
		if found {
			matched++
			if typo {
				typos++
			}
		}
	}
	return matched, typos
}

// oneEdit reports whether a and b are at most one inserted, deleted, replaced or swapped letter
// apart.
func oneEdit(a, b string) bool {
	if d := len(a) - len(b); d > utf8.UTFMax || d < -utf8.UTFMax {
		return false
	}
	if ascii(a) && ascii(b) {
		return oneEditBytes(a, b)
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) < len(rb) {
		ra, rb = rb, ra
	}
	switch len(ra) - len(rb) {
	case 0:
		var diffs []int
		for i := range ra {
			if ra[i] != rb[i] {
				if diffs = append(diffs, i); len(diffs) > 2 {
					return false
				}
			}
		}
		switch len(diffs) {
		case 0, 1:
			return true
		case 2: // two neighbours swapped
			i, j := diffs[0], diffs[1]
			return j == i+1 && ra[i] == rb[j] && ra[j] == rb[i]
		}
		return false
	case 1:
		i := 0
		for i < len(rb) && ra[i] == rb[i] {
			i++
		}
		return string(ra[i+1:]) == string(rb[i:])
	}
	return false
}

// oneEditBytes is oneEdit for ASCII text, without copying it.
func oneEditBytes(a, b string) bool {
	if len(a) < len(b) {
		a, b = b, a
	}
	switch len(a) - len(b) {
	case 0:
		i := 0
		for i < len(a) && a[i] == b[i] {
			i++
		}
		if i == len(a) || a[i+1:] == b[i+1:] {
			return true
		}
		return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
	case 1:
		i := 0
		for i < len(b) && a[i] == b[i] {
			i++
		}
		return a[i+1:] == b[i:]
	}
	return false
}

func ascii(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// SearchIDs answers the API's searches (api.Searcher): type and category filters are applied
// here; other filters, or an index not built yet, leave the search to the store.
func (ix *Index) SearchIDs(ctx context.Context, text string, filters []store.Filter, limit, offset int) ([]string, int, bool) {
	if ix.c.Load() == nil {
		return nil, 0, false
	}
	q := Query{Text: text, Limit: limit, Offset: offset}
	for _, f := range filters {
		switch f.Field {
		case "type":
			q.Types = append(q.Types, f.Values...)
		case "category":
			q.Categories = append(q.Categories, f.Values...)
		default:
			return nil, 0, false
		}
	}
	hits, total := ix.Search(q)
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	return ids, total, true
}
