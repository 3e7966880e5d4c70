package search

import (
	"cmp"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/hkin/hkin/internal/model"
	"github.com/hkin/hkin/internal/resolve"
)

const maxWalk = 20000

// maxCandidates bounds how many entities one query ranks.
const maxCandidates = 500

// parsed is a search text in the forms ranking compares.
type parsed struct {
	key, norm, acr string
	words          []string
}

func parse(text string) parsed {
	p := parsed{key: resolve.Key(text), norm: model.NormName(resolve.Simplified(text)), words: resolve.Tokens(text)}
	if len(p.words) == 1 && !resolve.HasHan(p.key) {
		p.acr = strings.ReplaceAll(p.norm, " ", "")
	}
	return p
}

// ranked is a doc that matched, with its tier and its score within the tier.
type ranked struct {
	doc   int32
	tier  int
	score float64
	delta bool // a doc of the snapshot's delta
}

func compareRanked(x, y ranked) int {
	if x.tier != y.tier {
		return cmp.Compare(x.tier, y.tier)
	}
	if x.score != y.score {
		return cmp.Compare(y.score, x.score)
	}
	if x.delta != y.delta { // the built content's docs are ranked by connections, the delta's not
		if x.delta {
			return 1
		}
		return -1
	}
	return cmp.Compare(x.doc, y.doc) // the better connected
}

// search returns the docs that match, unordered, leaving out hidden ones (sorted).
func (c *content) search(q Query, p parsed, hidden []int32) []ranked {
	qt := c.query(p.words)
	var cands candidates
	cands.take(c.lookup(c.byKey, p.key))
	if p.norm != p.key {
		cands.take(c.lookup(c.byKey, p.norm))
	}
	if p.acr != "" {
		cands.take(c.lookup(c.byAcr, p.acr))
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
	rs := make([]ranked, 0, cands.n)
	for _, d := range cands.list[:cands.n] {
		if byType && !slices.Contains(types, c.typ[d]) || byCat && !slices.Contains(cats, c.cat[d]) {
			continue
		}
		if _, gone := slices.BinarySearch(hidden, d); gone {
			continue
		}
		if tier, score, ok := c.rank(d, p.key, p.norm, p.acr, qt); ok {
			rs = append(rs, ranked{doc: d, tier: tier, score: score})
		}
	}
	return rs
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
				if resolve.OneEdit(w, c.words.at(h.v)) {
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
				if resolve.OneEdit(t, c.words.at(w)) {
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
