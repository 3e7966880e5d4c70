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

// maxCandidates bounds how many entities one query ranks.
const maxCandidates = 4000

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
	for i, e := range es {
		d := doc{id: e.ID, typ: e.Type, category: e.Category}
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

	seen := map[int32]bool{}
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
	take(ix.intersect(alts))
	if len(cands) < maxCandidates/2 {
		// fewer than all words: the entities holding the rarest word of the text
		rare := ""
		for _, t := range qtoks {
			if l, ok := ix.byTok[t]; ok && (rare == "" || len(l) < len(ix.byTok[rare])) {
				rare = t
			}
		}
		if rare != "" {
			take(ix.byTok[rare])
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
		i := sort.SearchStrings(ix.tokens, t)
		for n := 0; i < len(ix.tokens) && strings.HasPrefix(ix.tokens[i], t) && n < 64; i, n = i+1, n+1 {
			if ix.tokens[i] != t {
				out = append(out, ix.tokens[i])
			}
		}
	}
	return out
}

// intersect returns the docs holding, for every position, one of its alternative tokens.
func (ix *Index) intersect(alts [][]string) []int32 {
	if len(alts) == 0 {
		return nil
	}
	lists := make([][]int32, 0, len(alts))
	for _, a := range alts {
		if len(a) == 0 {
			return nil
		}
		if len(a) == 1 {
			lists = append(lists, ix.byTok[a[0]])
			continue
		}
		var u []int32
		for _, t := range a {
			u = append(u, ix.byTok[t]...)
		}
		sort.Slice(u, func(i, j int) bool { return u[i] < u[j] })
		lists = append(lists, u)
	}
	sort.Slice(lists, func(i, j int) bool { return len(lists[i]) < len(lists[j]) })
	out := lists[0]
	for _, l := range lists[1:] {
		out = and(out, l)
		if len(out) == 0 {
			break
		}
	}
	return out
}

// and intersects two sorted lists.
func and(a, b []int32) []int32 {
	var out []int32
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			if len(out) == 0 || out[len(out)-1] != a[i] {
				out = append(out, a[i])
			}
			i++
			j++
		}
	}
	return out
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
