// Package search ranks entities for a search text, in English and in both Chinese scripts: an
// exact name first, then an acronym, then names that begin with the text, then names holding all
// of its words (the last one may be half typed), then names that match with a typo; ties go to
// the better connected entity. The index lives in memory, is built from the store and is rebuilt
// when the store changes (see Refresh and internal/follow).
package search

import (
	"context"
	"fmt"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
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

// name is one name of an entity in its folded forms.
type name struct {
	key    string   // resolve.Key: simplified Chinese, expanded, no legal suffix
	norm   string   // model.NormName
	tokens []string // resolve.Tokens: words, and Chinese bigrams
	han    bool
}

// doc is one indexed entity. Its position in Index.docs is its importance rank: the index is
// built from the best connected entity down.
type doc struct {
	id, typ, category string
	names             []name
	acronyms          []string // written acronyms and those computed from the names
}

// Index is an in-memory search index. It is safe for concurrent use; Build replaces it whole.
type Index struct {
	mu     sync.RWMutex
	docs   []doc
	byKey  map[string][]int32 // name key or norm → docs
	byAcr  map[string][]int32
	byTok  map[string][]int32 // token → docs, in importance order
	tokens []string           // every token, sorted, for prefix lookups
	near   map[string][]string
	seq    int64
}

// maxWalk bounds how many postings one query walks to find entities holding all its words.
const maxWalk = 20000

// maxCandidates bounds how many entities one query ranks.
const maxCandidates = 500

// New builds an index of entities given best connected first.
func New(es []model.Entity) *Index {
	ix := &Index{}
	ix.fill(es)
	return ix
}

func (ix *Index) fill(es []model.Entity) {
	docs := make([]doc, 0, len(es))
	byKey := map[string][]int32{}
	byAcr := map[string][]int32{}
	byTok := map[string][]int32{}
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
	// one copy of each word, type and category for the whole index: most names share their words
	copies := map[string]string{}
	intern := func(s string) string {
		if c, ok := copies[s]; ok {
			return c
		}
		copies[s] = s
		return s
	}
	for i, e := range es {
		d := doc{id: e.ID, typ: intern(e.Type), category: intern(e.Category)}
		pos := int32(i)
		seenKey, seenAcr, seenTok := map[string]bool{}, map[string]bool{}, map[string]bool{}
		addAcr := func(a string) {
			if a != "" && !seenAcr[a] {
				seenAcr[a] = true
				d.acronyms = append(d.acronyms, a)
				byAcr[a] = append(byAcr[a], pos)
			}
		}
		add := func(f resolve.Forms, value, kind string) {
			n := name{key: f.Key, norm: f.Norm, tokens: f.Tokens, han: f.Han}
			if n.key == "" {
				return
			}
			if n.norm == n.key {
				n.norm = n.key // equal strings: keep one copy
			}
			for j, t := range n.tokens {
				n.tokens[j] = intern(t)
			}
			d.names = append(d.names, n)
			for _, k := range []string{n.key, n.norm} {
				if !seenKey[k] {
					seenKey[k] = true
					byKey[k] = append(byKey[k], pos)
				}
			}
			for _, t := range n.tokens {
				if !seenTok[t] {
					seenTok[t] = true
					byTok[t] = append(byTok[t], pos)
				}
			}
			if kind == "acronym" || resolve.LooksLikeAcronym(value) {
				addAcr(strings.ReplaceAll(n.norm, " ", ""))
			}
			for _, a := range f.Acronyms {
				addAcr(a)
			}
		}
		add(forms[i][0], e.Name, "")
		for j, a := range e.Aliases {
			add(forms[i][j+1], a.Value, a.Kind)
		}
		forms[i] = nil
		docs = append(docs, d)
	}
	tokens := make([]string, 0, len(byTok))
	near := map[string][]string{}
	for t := range byTok {
		tokens = append(tokens, t)
		if utf8.RuneCountInString(t) >= 4 && !resolve.HasHan(t) {
			for _, d := range deletions(t) {
				near[d] = append(near[d], t)
			}
		}
	}
	sort.Strings(tokens)
	ix.mu.Lock()
	ix.docs, ix.byKey, ix.byAcr, ix.byTok, ix.tokens, ix.near = docs, byKey, byAcr, byTok, tokens, near
	ix.mu.Unlock()
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

// Build indexes every live entity of a store, best connected first.
func Build(ctx context.Context, r store.Reader) (*Index, error) {
	ix := &Index{}
	if err := ix.Rebuild(ctx, r); err != nil {
		return nil, err
	}
	return ix, nil
}

// Rebuild reads the store's entities again and replaces the index's content.
func (ix *Index) Rebuild(ctx context.Context, r store.Reader) error {
	seq, err := r.Seq(ctx)
	if err != nil {
		return err
	}
	var es []model.Entity
	cursor := ""
	for {
		page, err := r.Entities(ctx, store.EntityQuery{Sort: "-" + store.SortDegree, Limit: 5000, Cursor: cursor})
		if err != nil {
			return fmt.Errorf("search index: %w", err)
		}
		es = append(es, page.Entities...)
		if cursor = page.Next; cursor == "" {
			break
		}
	}
	ix.fill(es)
	ix.mu.Lock()
	ix.seq = seq
	ix.mu.Unlock()
	return nil
}

// Refresh is a follow.Refresh: it rebuilds the index when the store has changed.
func (ix *Index) Refresh(r store.Reader) func(ctx context.Context, from, to int64) error {
	return func(ctx context.Context, from, to int64) error { return ix.Rebuild(ctx, r) }
}

// Seq is the store's change number the index was built at.
func (ix *Index) Seq() int64 {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return ix.seq
}

// Len is the number of entities indexed.
func (ix *Index) Len() int {
	ix.mu.RLock()
	defer ix.mu.RUnlock()
	return len(ix.docs)
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
	limit := q.Limit
	if limit <= 0 {
		limit = 20
	}
	key := resolve.Key(q.Text)
	if key == "" {
		return nil, 0
	}
	norm := model.NormName(resolve.Simplified(q.Text))
	qtoks := resolve.Tokens(q.Text)
	acr := ""
	if len(qtoks) == 1 && !resolve.HasHan(key) {
		acr = strings.ReplaceAll(norm, " ", "")
	}
	ix.mu.RLock()
	defer ix.mu.RUnlock()

	seen := make(map[int32]bool, 64)
	var cands []int32
	take := func(list []int32) {
		for _, p := range list {
			if len(cands) >= maxCandidates {
				return
			}
			if !seen[p] {
				seen[p] = true
				cands = append(cands, p)
			}
		}
	}
	take(ix.byKey[key])
	take(ix.byKey[norm])
	if acr != "" {
		take(ix.byAcr[acr])
	}
	// every word of the text: the postings of each full word (or its typo neighbours)
	// intersected, the last word also as a prefix
	alts := make([][]string, len(qtoks))
	for i, t := range qtoks {
		list, ok := ix.byTok[t]
		if ok {
			alts[i] = append(alts[i], t)
		}
		// a word few names hold may itself be a typo: look for its neighbours too
		if len(list) < 50 || i == len(qtoks)-1 {
			alts[i] = append(alts[i], ix.neighbours(t, i == len(qtoks)-1)...)
		}
	}
	take(ix.intersect(alts, maxCandidates))
	if len(cands) < maxCandidates/4 {
		// fewer than all words: the entities holding the rarest word of the text
		rare := ""
		for _, t := range qtoks {
			if l, ok := ix.byTok[t]; ok && (rare == "" || len(l) < len(ix.byTok[rare])) {
				rare = t
			}
		}
		if rare != "" {
			l := ix.byTok[rare]
			take(l[:min(len(l), maxCandidates/2)])
		}
	}

	types, cats := set(q.Types), set(q.Categories)
	var hits []Hit
	var pos []int32
	for _, p := range cands {
		d := &ix.docs[p]
		if len(types) > 0 && !types[d.typ] || len(cats) > 0 && !cats[d.category] {
			continue
		}
		tier, score, ok := rank(d, key, norm, acr, qtoks)
		if !ok {
			continue
		}
		hits = append(hits, Hit{ID: d.id, Tier: tier, Score: score})
		pos = append(pos, p)
	}
	order := make([]int, len(hits))
	for i := range order {
		order[i] = i
	}
	sort.Slice(order, func(a, b int) bool {
		x, y := hits[order[a]], hits[order[b]]
		if x.Tier != y.Tier {
			return x.Tier < y.Tier
		}
		if x.Score != y.Score {
			return x.Score > y.Score
		}
		return pos[order[a]] < pos[order[b]] // the better connected
	})
	total := len(hits)
	out := make([]Hit, 0, limit)
	for _, i := range order[min(q.Offset, len(order)):] {
		if len(out) == limit {
			break
		}
		out = append(out, hits[i])
	}
	return out, total
}

func set(list []string) map[string]bool {
	if len(list) == 0 {
		return nil
	}
	m := make(map[string]bool, len(list))
	for _, x := range list {
		m[x] = true
	}
	return m
}

// neighbours returns the indexed tokens one typo from t and, for the word being typed, those it
// begins (a capped number, most common first).
func (ix *Index) neighbours(t string, prefix bool) []string {
	var out []string
	if utf8.RuneCountInString(t) >= 4 && !resolve.HasHan(t) {
		seen := map[string]bool{t: true}
		for _, d := range append([]string{t}, deletions(t)...) {
			for _, w := range append(ix.near[d], d) {
				if !seen[w] {
					seen[w] = true
					if _, ok := ix.byTok[w]; ok && oneEdit(t, w) {
						out = append(out, w)
					}
				}
			}
		}
	}
	if rs := []rune(t); len(rs) >= 4 && !resolve.HasHan(t) {
		for i := 0; i+1 < len(rs); i++ {
			rs[i], rs[i+1] = rs[i+1], rs[i]
			if w := string(rs); w != t {
				if _, ok := ix.byTok[w]; ok {
					out = append(out, w)
				}
			}
			rs[i], rs[i+1] = rs[i+1], rs[i]
		}
	}
	if prefix {
		// of the first 1,024 words it begins, the 64 that most names hold
		var begun []string
		i := sort.SearchStrings(ix.tokens, t)
		for n := 0; i < len(ix.tokens) && strings.HasPrefix(ix.tokens[i], t) && n < 1024; i, n = i+1, n+1 {
			if ix.tokens[i] != t {
				begun = append(begun, ix.tokens[i])
			}
		}
		if len(begun) > 64 {
			slices.SortStableFunc(begun, func(a, b string) int { return len(ix.byTok[b]) - len(ix.byTok[a]) })
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
func (ix *Index) intersect(alts [][]string, limit int) []int32 {
	if len(alts) == 0 {
		return nil
	}
	drive, least := -1, 0
	for i, a := range alts {
		n := 0
		for _, t := range a {
			n += len(ix.byTok[t])
		}
		if n == 0 {
			return nil
		}
		if drive < 0 || n < least {
			drive, least = i, n
		}
	}
	var lists [][]int32        // positions of one token: their postings
	var sets []map[string]bool // positions of several
	for i, a := range alts {
		switch {
		case i == drive:
		case len(a) == 1:
			lists = append(lists, ix.byTok[a[0]])
		default:
			sets = append(sets, set(a))
		}
	}
	walk := make([][]int32, 0, len(alts[drive]))
	for _, t := range alts[drive] {
		walk = append(walk, ix.byTok[t])
	}
	var out []int32
	m := newMerge(walk)
	// a rare combination of common words would walk a long list to its end: the walk stops
	// after maxWalk postings, the best connected holders having come first
	walked := 0
next:
	for p, ok := m.next(); ok && len(out) < limit && walked < maxWalk; p, ok = m.next() {
		walked++
		for i, l := range lists {
			j, found := slices.BinarySearch(l, p)
			if lists[i] = l[j:]; !found {
				continue next
			}
		}
		if holdsAll(&ix.docs[p], sets) {
			out = append(out, p)
		}
	}
	return out
}

// holdsAll reports whether a doc's names hold, for every set, one of its tokens.
func holdsAll(d *doc, sets []map[string]bool) bool {
	for _, s := range sets {
		if !holdsAny(d, s) {
			return false
		}
	}
	return true
}

func holdsAny(d *doc, s map[string]bool) bool {
	for _, n := range d.names {
		for _, t := range n.tokens {
			if s[t] {
				return true
			}
		}
	}
	return false
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
func rank(d *doc, key, norm, acr string, qtoks []string) (int, float64, bool) {
	best, score, ok := TierFuzzy+1, 0.0, false
	better := func(t int, s float64) {
		if t < best || t == best && s > score {
			best, score, ok = t, s, true
		}
	}
	for _, n := range d.names {
		if n.key == key || n.norm == norm {
			better(TierExact, 1)
			continue
		}
		if strings.HasPrefix(n.key, key) || strings.HasPrefix(n.norm, norm) {
			better(TierPrefix, float64(len(key))/float64(len(n.key)))
			continue
		}
		matched, typos := cover(n.tokens, qtoks)
		if matched == 0 {
			continue
		}
		frac := float64(matched) / float64(len(qtoks))
		// how much of the name the text covers: a shorter name that holds every word is the better
		share := float64(matched) / float64(len(n.tokens))
		switch {
		case matched == len(qtoks) && typos == 0:
			better(TierWords, share)
		case frac >= 0.6 && len(qtoks) > 1 || matched == len(qtoks):
			better(TierFuzzy, frac*share-0.1*float64(typos))
		}
	}
	if acr != "" && best > TierAcronym {
		for _, a := range d.acronyms {
			if a == acr {
				better(TierAcronym, 1)
				break
			}
		}
	}
	return best, score, ok
}

// cover counts the text's tokens a name holds (the last may be a prefix), and how many of
// those only with a typo.
func cover(name, q []string) (matched, typos int) {
	for i, t := range q {
		last := i == len(q)-1
		found, typo := false, false
		for _, w := range name {
			if w == t || last && strings.HasPrefix(w, t) {
				found = true
				break
			}
		}
		if !found && utf8.RuneCountInString(t) >= 4 {
			for _, w := range name {
				if oneEdit(t, w) {
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
	ix.mu.RLock()
	built := ix.docs != nil
	ix.mu.RUnlock()
	if !built {
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
