package extract

import (
	"strings"
	"time"
	"unicode"
)

// How a mention was found.
const (
	byGazetteer = iota // a lexicon or known name
	byHead             // a capitalised phrase typed by its last word
	byGuess            // a capitalised phrase typed by its form and context
	byRef              // a pronoun, surname or definite description pointing at an entity
)

// A mention is a span of a sentence that names (or refers to) an entity.
type mention struct {
	sent       int
	start, end int // token range [start, end)
	text       string
	typ, cat   string
	lex        *lexEntry
	how        int
	ent        *entity
	based      bool   // "Shenzhen-based": the place of what follows
	aliasOf    int    // for an acronym in parentheses: index+1 of the mention it abbreviates
	role       string // a role title directly before or after a person
	mod        bool   // modifies the name after it: "Guangzhou's CanSemi", "Shenzhen-based X"
}

// A role is a title such as "Chief Executive" or "Secretary for Innovation, Technology and Industry".
type role struct {
	start, end int
	text       string
}

// doc is one extraction in progress.
type doc struct {
	x      *Extractor
	pub    time.Time
	hasPub bool
	sents  []sentence
	ments  [][]*mention // per sentence, in token order
	roles  [][]role     // per sentence
	ents   []*entity
	dates  [][]dateExpr         // per sentence
	hits   []*hits              // per sentence: where relation and event phrases may match
	byKey  map[string][]*entity // entities by the normalised forms they were named by
	capsIn map[string]bool      // words seen capitalised inside sentences
}

// findMentions finds the names in every sentence.
func (d *doc) findMentions() {
	d.capsIn = map[string]bool{}
	for _, s := range d.sents {
		for i, t := range s.Tokens {
			if i > 0 && t.Kind == tokWord && t.Cap() && !isOpening(s.Tokens[i-1]) {
				d.capsIn[t.Lower] = true
			}
		}
	}
	d.ments = make([][]*mention, len(d.sents))
	d.roles = make([][]role, len(d.sents))
	for si := range d.sents {
		d.roles[si] = findRoles(d.sents[si].Tokens)
		d.ments[si] = d.sentenceMentions(si)
	}
}

func isOpening(t token) bool {
	return t.Kind == tokPunct && strings.Contains("\"':;(-", t.Text)
}

// findRoles marks role titles in a sentence, in any case: "CEO", "Chief Executive",
// "Innovation Secretary", "Secretary for Innovation, Technology and Industry", "co-founder".
func findRoles(toks []token) []role {
	var out []role
	for i := 0; i < len(toks); i++ {
		if toks[i].Kind != tokWord || !(roleModifiers[toks[i].Lower] || roleHeads[toks[i].Lower]) {
			continue
		}
		j := i
		lastHead := -1
		for j < len(toks) && toks[j].Kind == tokWord && (roleModifiers[toks[j].Lower] || roleHeads[toks[j].Lower]) {
			if roleHeads[toks[j].Lower] {
				lastHead = j
			}
			j++
		}
		if lastHead < 0 {
			i = j - 1
			continue
		}
		end := lastHead + 1
		// modifiers must be capitalised like the head, or all lower case
		if !sameCase(toks[i:end]) {
			i++
			for i < end && !sameCase(toks[i:end]) {
				i++
			}
		}
		// "Executive Council", "Partners Group": a role word inside an organisation's name
		if end < len(toks) && toks[end].Kind == tokWord && toks[end].Cap() && toks[i].Cap() {
			if h, ok := heads[toks[end].Lower]; ok && h.Type == "organization" {
				i = end - 1
				continue
			}
		}
		// a lower-case role word only counts as a title in a few forms
		if !toks[i].Cap() && !toks[i].AllCaps() && !strongRole(toks[i:end]) {
			i = end - 1
			continue
		}
		// "Secretary for Innovation, Technology and Industry", "Minister of Science and Technology"
		h := toks[end-1].Lower
		if (h == "secretary" || h == "commissioner" || h == "minister" || h == "director" || h == "secretary-general" || h == "director-general") &&
			end+1 < len(toks) && (toks[end].Lower == "for" || toks[end].Lower == "of") && toks[end+1].Cap() &&
			!startsName(toks, end+1) {
			k := end + 1
			for k < len(toks) {
				t := toks[k]
				if t.Kind == tokWord && t.Cap() || t.Lower == "and" && k+1 < len(toks) && toks[k+1].Cap() ||
					t.Text == "," && k+1 < len(toks) && toks[k+1].Cap() && k+2 < len(toks) && (toks[k+2].Lower == "and" || toks[k+2].Text == "," || toks[k+2].Cap()) && !personAhead(toks, k+1) &&
						!titles[toks[k+1].Lower] && !roleHeads[toks[k+1].Lower] {
					k++
					continue
				}
				break
			}
			// stop before a person's name that follows the title directly
			for k > end+1 && personAhead(toks, k-2) && toks[k-2].Cap() && toks[k-1].Cap() {
				k -= 2
			}
			end = k
		}
		for end > i+1 && (toks[end-1].Text == "," || toks[end-1].Lower == "and") {
			end--
		}
		out = append(out, role{start: i, end: end, text: roleSpan(toks, i, end)})
		i = end - 1
	}
	return out
}

// roleSpan writes a title with the spacing of the text: no space before commas.
func roleSpan(toks []token, i, end int) string {
	var b strings.Builder
	for k := i; k < end; k++ {
		if k > i && toks[k].Start > toks[k-1].End {
			b.WriteByte(' ')
		}
		b.WriteString(toks[k].Text)
	}
	return b.String()
}

// strongRole reports whether lower-case role words are a title: "chief executive", "founder",
// "chairman", "co-founder", "director" ...; plain "head" or "member" are not.
func strongRole(toks []token) bool {
	h := toks[len(toks)-1].Lower
	switch h {
	case "head", "member", "leader", "boss", "partner", "researcher", "scientist", "engineer", "analyst",
		"economist", "representative", "executive", "officer", "chief", "manager", "principal", "chair":
		return len(toks) > 1 && (h == "executive" || h == "officer" || h == "scientist" || h == "manager")
	}
	return true
}

func sameCase(toks []token) bool {
	up := toks[len(toks)-1].Cap()
	for _, t := range toks {
		if t.Cap() != up {
			return false
		}
	}
	return true
}

// startsName reports whether toks[i:] begins with a person-like name (so "Secretary Sun Dong"
// keeps the name out of the title).
func startsName(toks []token, i int) bool {
	return i < len(toks) && (givenNames[toks[i].Lower] || isInitials(strings.TrimSuffix(toks[i].Text, ".")))
}

// personAhead reports whether toks[i:] starts with two capitalised words that look like a Chinese
// or English personal name.
func personAhead(toks []token, i int) bool {
	if i+1 >= len(toks) {
		return false
	}
	a, b := toks[i], toks[i+1]
	if a.Kind != tokWord || b.Kind != tokWord || !a.Cap() || !b.Cap() {
		return false
	}
	if _, ok := heads[b.Lower]; ok {
		return false
	}
	return givenNames[a.Lower] || surnames[a.Lower] && !roleModifiers[b.Lower]
}

// roleAt returns the role that starts at token i, if any.
func roleAt(roles []role, i int) (role, bool) {
	for _, r := range roles {
		if r.start == i {
			return r, true
		}
	}
	return role{}, false
}

// inRole reports whether token i lies inside a role title.
func inRole(roles []role, i int) bool {
	for _, r := range roles {
		if i >= r.start && i < r.end {
			return true
		}
	}
	return false
}

// nameWord reports whether a token can be part of a capitalised name.
func nameWord(t token) bool {
	if t.Kind != tokWord {
		return false
	}
	if t.Cap() {
		return true
	}
	// versions and codes glued to letters: 5G, 3D
	r := []rune(t.Text)
	return unicode.IsDigit(r[0]) && strings.IndexFunc(t.Text, unicode.IsUpper) > 0
}

// isOrdinal reports whether a token is an ordinal number: 14th, 2nd.
func isOrdinal(t token) bool {
	if t.Kind != tokWord || len(t.Text) < 3 {
		return false
	}
	n := len(t.Lower)
	suf := t.Lower[n-2:]
	if suf != "st" && suf != "nd" && suf != "rd" && suf != "th" {
		return false
	}
	for _, c := range t.Lower[:n-2] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// connectors may join the words of one name: "Research and Development Institute",
// "University of Hong Kong", "Centre for Health".
var connectors = set("and & of for the de du la von van")

// sentenceMentions finds the mentions of sentence si.
func (d *doc) sentenceMentions(si int) []*mention {
	s := d.sents[si]
	toks := s.Tokens
	roles := d.roles[si]
	var out []*mention
	i := 0
	for i < len(toks) {
		if inRole(roles, i) {
			i++
			continue
		}
		t := toks[i]
		if isOrdinal(t) && i+1 < len(toks) && nameWord(toks[i+1]) && !inRole(roles, i+1) {
			// "the 14th Five-Year Plan": the ordinal belongs to the name when the gazetteer knows it
			if n, hits := d.x.gaz.match(toks, i); n > 1 {
				out = append(out, d.gazMention(si, i, i+n, hits))
				i += n
				continue
			}
		}
		if nameWord(t) {
			j := i + 1
			for j < len(toks) && !inRole(roles, j) {
				if nameWord(toks[j]) || isVersion(toks[j]) && j > i {
					j++
					continue
				}
				// "Mangdang Technology Co., Ltd."
				if (toks[j].Text == "." || toks[j].Text == ",") && companySuffix[toks[j-1].Lower] && toks[j].Start == toks[j-1].End {
					k := j
					for k < len(toks) && (toks[k].Text == "." || toks[k].Text == ",") && k < j+2 {
						k++
					}
					if k < len(toks) && companySuffix[toks[k].Lower] && toks[k].Cap() {
						j = k + 1
						if j < len(toks) && toks[j].Text == "." && toks[j].Start == toks[j-1].End {
							j++
						}
						continue
					}
					if toks[j].Text == "." && toks[j].Start == toks[j-1].End && !(j+1 == len(toks)) {
						j++
					}
					break
				}
				if connectors[toks[j].Lower] && !toks[j].Cap() && j+1 < len(toks) && nameWord(toks[j+1]) && !inRole(roles, j+1) {
					j++
					continue
				}
				if toks[j].Lower == "the" && j > i && toks[j-1].Lower == "of" && j+1 < len(toks) && nameWord(toks[j+1]) {
					j++
					continue
				}
				break
			}
			// a gazetteer name may run past the chunk (punctuation inside names, lower-case words)
			if n, hits := d.x.gaz.match(toks, i); n > j-i {
				out = append(out, d.gazMention(si, i, i+n, hits))
				i += n
				continue
			}
			out = append(out, d.chunkMentions(si, i, j)...)
			i = j
			continue
		}
		if n, hits := d.x.gaz.match(toks, i); n > 0 {
			var any []gazName
			for _, h := range hits {
				if h.anyCase || h.exact != "" {
					any = append(any, h)
				}
			}
			if len(any) > 0 && !(t.Lower == "the" && n == 1) {
				out = append(out, d.gazMention(si, i, i+n, any))
				i += n
				continue
			}
		}
		i++
	}
	d.markAcronyms(si, out)
	return out
}

// gazMention makes a mention of a gazetteer name; of several entries sharing the form, the
// first non-sector entry wins unless the form is lower case.
func (d *doc) gazMention(si, start, end int, hits []gazName) *mention {
	best := hits[0]
	for _, h := range hits {
		if h.entry.KnownID != "" && best.entry.KnownID == "" {
			best = h
		}
	}
	e := best.entry
	return &mention{sent: si, start: start, end: end, text: spanText(d.sents[si], start, end),
		typ: e.Type, cat: e.Category, lex: e, how: byGazetteer}
}

// spanText returns the sentence text of a token range.
func spanText(s sentence, start, end int) string {
	return s.Text[s.Tokens[start].Start:s.Tokens[end-1].End]
}

// chunkMentions turns a capitalised chunk toks[i:j] into mentions: gazetteer names, names typed
// by their head word, and guesses.
func (d *doc) chunkMentions(si, i, j int) []*mention {
	toks := d.sents[si].Tokens
	// leading function words (The, In, During ...) and trailing connectors
	for i < j && (functionWords[toks[i].Lower] && !toks[i].AllCaps() && !d.x.gazStarts(toks, i, j) || connectors[toks[i].Lower]) {
		i++
	}
	for j > i && connectors[toks[j-1].Lower] {
		j--
	}
	if i >= j {
		return nil
	}
	var out []*mention
	for n, part := range d.splitChunk(toks, i, j) {
		// an opening verb of a headline or a sentence: "Explore Hong Kong Science Park"
		if a, b := part[0], part[1]; n == 0 && (a == 0 || a == 1 && isOpening(toks[0])) && b-a > 1 && !d.capsIn[toks[a].Lower] &&
			!surnames[toks[a].Lower] && !givenNames[toks[a].Lower] && !isInitials(strings.TrimSuffix(toks[a].Text, ".")) &&
			!d.wholeName(toks, a, b) && !d.x.gazStarts(toks, a, b) {
			if n, hits := d.x.gaz.match(toks[:b], a+1); n == b-a-1 && hits[0].entry.Type != "sector" && !hits[0].anyCase {
				part[0]++
			}
		}
		out = append(out, d.partMentions(si, part[0], part[1])...)
	}
	return out
}

// gazStarts reports whether a gazetteer name starts at toks[i] within the chunk end j.
func (x *Extractor) gazStarts(toks []token, i, j int) bool {
	n, _ := x.gaz.match(toks[:j], i)
	return n > 1
}

// splitChunk cuts a chunk at "and" and "of" when they join two names rather than sit inside one.
func (d *doc) splitChunk(toks []token, i, j int) [][2]int {
	for k := i; k < j-1; k++ {
		if strings.HasSuffix(toks[k].Lower, "-based") || strings.HasSuffix(toks[k].Lower, "-headquartered") {
			return append([][2]int{{i, k + 1}}, d.splitChunk(toks, k+1, j)...)
		}
	}
	headed := isHead(toks[j-1])
	for k := i + 1; k < j-1; k++ {
		w := toks[k].Lower
		if n, _ := d.x.gaz.match(toks[:j], i); n > k-i {
			continue // inside a known name: Central and Western, Bank of China
		}
		switch w {
		case "and", "&":
			left := [2]int{i, k}
			_, leftHeaded := headOf(toks[i:k])
			keep := headed && !d.wholeName(toks, i, k) && !personLikeSpan(toks[i:k]) && !(leftHeaded && k-i > 1)
			if !keep {
				return append([][2]int{left}, d.splitChunk(toks, k+1, j)...)
			}
		case "of", "for", "the":
			if w == "the" {
				continue
			}
			// an organisation's name goes on (University of Hong Kong); a facility in a place,
			// or a person of an organisation, splits (Hong Kong Park of the Hetao Zone, Q.Y. Ma of Time Medical)
			h, ok := heads[toks[k-1].Lower]
			isCentre := toks[k-1].Lower == "centre" || toks[k-1].Lower == "center"
			if ok && h.Type != "facility" && h.Type != "product" || isCentre {
				continue
			}
			if ok && h.Type == "facility" {
				// "Park of the Hetao Zone": split only when a known place follows
				next := k + 1
				if next < j && toks[next].Lower == "the" {
					next++
				}
				if !d.placeAt(toks, next, j) {
					continue
				}
			}
			next := k + 1
			if next < j && toks[next].Lower == "the" {
				next++
			}
			return append([][2]int{{i, k}}, d.splitChunk(toks, next, j)...)
		}
	}
	return [][2]int{{i, j}}
}

// weakHeads end company names ("Vivid AI") but after a bare place name only describe a field.
var weakHeads = set("ai tech technology technologies innovation innovations digital data cloud intelligence global international energy health healthcare media computing fintech")

// gazHits returns the gazetteer entries of exactly toks[i:k].
func (d *doc) gazHits(toks []token, i, k int) []gazName {
	_, hits := d.x.gaz.match(toks[:k], i)
	return hits
}

// wholeName reports whether toks[i:k] is exactly a gazetteer name.
func (d *doc) wholeName(toks []token, i, k int) bool {
	n, _ := d.x.gaz.match(toks[:k], i)
	return n == k-i
}

// placeAt reports whether a gazetteer place starts at toks[i] before j.
func (d *doc) placeAt(toks []token, i, j int) bool {
	if i >= j {
		return false
	}
	n, hits := d.x.gaz.match(toks[:j], i)
	if n == 0 {
		return false
	}
	for _, h := range hits {
		if h.entry.Type == "place" {
			return true
		}
	}
	return false
}

func isHead(t token) bool {
	_, ok := heads[t.Lower]
	return ok || t.Lower == "centre" || t.Lower == "center"
}

// isVersion reports whether a token looks like a version or model number: V1, R1, 2.0, 4o.
func isVersion(t token) bool {
	if t.Kind == tokNumber {
		return strings.Contains(t.Text, ".") && len(t.Text) <= 4
	}
	if t.Kind != tokWord || len(t.Text) > 5 {
		return false
	}
	hasDigit := strings.IndexFunc(t.Text, unicode.IsDigit) >= 0
	return hasDigit && (t.Cap() || unicode.IsDigit([]rune(t.Text)[0]))
}

// headOf returns the type a name's last word gives it.
func headOf(toks []token) (headKind, bool) {
	last := toks[len(toks)-1]
	if last.Lower == "centre" || last.Lower == "center" || last.Lower == "centres" || last.Lower == "centers" {
		for _, t := range toks[:len(toks)-1] {
			if centreFacilityWords[t.Lower] {
				return headKind{"facility", ""}, true
			}
		}
		return headKind{"organization", "research_institute"}, true
	}
	if len(toks) > 1 && isVersion(last) {
		return headKind{"product", ""}, true
	}
	h, ok := heads[last.Lower]
	if !ok {
		return h, false
	}
	if h.Type == "organization" && h.Category == "company" && len(toks) == 1 {
		return h, false // "Technology" alone is no company
	}
	if h.Type == "product" && !last.Cap() {
		return h, false
	}
	return h, true
}

// partMentions types one part of a chunk.
func (d *doc) partMentions(si, i, j int) []*mention {
	s := d.sents[si]
	toks := s.Tokens
	if n, hits := d.x.gaz.match(toks[:j], i); n == j-i && !d.productLine(toks, i, j, hits) {
		return []*mention{d.gazMention(si, i, j, hits)}
	}
	for i < j && (functionWords[toks[i].Lower] && !toks[i].AllCaps() || commonCaps[toks[i].Lower]) && !d.x.gazStarts(toks, i, j) {
		if n, _ := d.x.gaz.match(toks[:j], i); n > 0 {
			break
		}
		i++
	}
	for j > i && commonCaps[toks[j-1].Lower] {
		if n, _ := d.x.gaz.match(toks[:j], j-1); n > 0 {
			break
		}
		j--
	}
	if i >= j {
		return nil
	}
	// "Shenzhen-based", "Hong Kong-headquartered"
	if last := toks[j-1]; strings.HasSuffix(last.Lower, "-based") || strings.HasSuffix(last.Lower, "-headquartered") {
		cut := strings.LastIndex(last.Text, "-")
		prefix := append(append([]token(nil), toks[i:j-1]...), token{Text: last.Text[:cut], Lower: strings.ToLower(last.Text[:cut]), Kind: tokWord})
		if n, hits := d.x.gaz.match(prefix, 0); n == len(prefix) {
			m := d.gazMention(si, i, j, hits)
			m.text = joinTokens(prefix)
			m.based = true
			return []*mention{m}
		}
		return nil
	}
	// the whole part is a gazetteer name
	if n, hits := d.x.gaz.match(toks[:j], i); n == j-i {
		if d.productLine(toks, i, j, hits) {
			if m := d.guess(si, i, j); m != nil {
				return []*mention{m}
			}
			return nil
		}
		return []*mention{d.gazMention(si, i, j, hits)}
	}
	// a place and a weak head word is no name: "Hong Kong AI development", "Shenzhen tech"
	if j-i > 1 && weakHeads[toks[j-1].Lower] && d.wholeName(toks, i, j-1) {
		return append([]*mention{d.gazMention(si, i, j-1, d.gazHits(toks, i, j-1))}, d.partMentions(si, j-1, j)...)
	}
	// a name typed by its last word
	if h, ok := headOf(toks[i:j]); ok && (j-i > 1 || h.Type != "place") {
		m := &mention{sent: si, start: i, end: j, text: spanText(s, i, j), typ: h.Type, cat: h.Category, how: byHead}
		out := []*mention{m}
		// a programme named after its publisher: the InvestHK Startup Survey
		if h.Type == "programme" {
			if n, hits := d.x.gaz.match(toks[:j], i); n > 0 && hits[0].entry.Type == "organization" {
				out = append(out, d.gazMention(si, i, i+n, hits))
			}
		}
		return out
	}
	// otherwise: gazetteer names, and guesses for what lies between them
	var out []*mention
	k := i
	run := i
	flush := func(end int) {
		if run < end {
			if m := d.guess(si, run, end); m != nil {
				out = append(out, m)
			}
		}
	}
	for k < j {
		if n, hits := d.x.gaz.match(toks[:j], k); n > 0 {
			flush(k)
			out = append(out, d.gazMention(si, k, k+n, hits))
			k += n
			run = k
			continue
		}
		k++
	}
	flush(j)
	return out
}

// guess types an unknown capitalised name from its form and context, or drops it.
func (d *doc) guess(si, i, j int) *mention {
	s := d.sents[si]
	toks := s.Tokens
	for i < j && (functionWords[toks[i].Lower] || commonCaps[toks[i].Lower]) {
		i++
	}
	for j > i && (commonCaps[toks[j-1].Lower] || connectors[toks[j-1].Lower]) {
		j--
	}
	if i >= j {
		return nil
	}
	span := toks[i:j]
	m := &mention{sent: si, start: i, end: j, text: spanText(s, i, j), how: byGuess}
	// a lone capitalised word opening a sentence is a name only if the text capitalises it elsewhere too
	first := i == 0 || isOpening(toks[i-1]) && i == 1
	if j-i == 1 && first && !d.capsIn[span[0].Lower] && !span[0].AllCaps() && !personContext(toks, i, j, d.roles[si]) {
		return nil
	}
	if j-i == 1 && (len([]rune(span[0].Text)) == 1 || isInitials(strings.TrimSuffix(span[0].Text, "."))) {
		return nil
	}
	if quoted(toks, i, j) && !personLikeSpan(span) {
		return nil
	}
	// "AI-led", "Beijing-style": an adjective; "3-billion-Hong Kong": a fragment
	if j-i == 1 {
		if h := strings.LastIndex(span[0].Text, "-"); h > 0 && h+1 < len(span[0].Text) && unicode.IsLower([]rune(span[0].Text[h+1:])[0]) {
			return nil
		}
	}
	if i > 0 && (toks[i-1].End == toks[i].Start && toks[i-1].Kind != tokPunct || strings.Contains(toks[i-1].Text, "-") && toks[i-1].Kind == tokWord && toks[i-1].Cap() == false && unicode.IsUpper([]rune(toks[i-1].Text[strings.LastIndex(toks[i-1].Text, "-")+1:])[0])) {
		return nil
	}

	switch {
	case j < len(toks) && placeNouns[toks[j].Lower] && !toks[j].Cap():
		m.typ = "place" // Futian district
		m.end = j + 1
		m.text = spanText(s, i, j+1)
	case personLikeSpan(span) || personContext(toks, i, j, d.roles[si]) && allNameWords(span):
		m.typ = "person"
	case j-i == 1 && span[0].AllCaps() && j < len(toks) && productNouns[toks[j].Lower]:
		m.end = j + 1
		m.text = spanText(s, i, j+1)
		m.typ = "product"
	case productContext(toks, i, j):
		m.typ = "product"
	default:
		m.typ, m.cat = "organization", "company"
	}
	return m
}

// productLine reports whether an acronym the store knows only as the name of something else
// stands here for a product line: "MRI machines", "GPU chips". A registry of many thousand
// organisations holds most short acronyms; the noun after it says which reading the text means.
func (d *doc) productLine(toks []token, i, j int, hits []gazName) bool {
	if j-i != 1 || !toks[i].AllCaps() || j == len(toks) || !productNouns[toks[j].Lower] {
		return false
	}
	for _, h := range hits {
		if h.entry.KnownID == "" || h.entry.Type == "product" || strings.EqualFold(h.entry.Name, toks[i].Text) {
			return false
		}
	}
	return true
}

// placeNouns follow an unknown place's name in lower case: "Futian district".
var placeNouns = set("district province county township village city prefecture")

// quoted reports whether toks[i:j] lies in a quotation made only of capitalised words, a
// slogan or a strategy's name: "One Ecosystem, Two Cities".
func quoted(toks []token, i, j int) bool {
	open := -1
	for k := 0; k < i; k++ {
		if toks[k].Text == "\"" {
			if open < 0 {
				open = k
			} else {
				open = -1
			}
		}
	}
	if open < 0 {
		return false
	}
	for k := open + 1; k < len(toks); k++ {
		t := toks[k]
		if t.Text == "\"" {
			return k >= j
		}
		if !(t.Kind == tokWord && (t.Cap() || connectors[t.Lower]) || t.Text == "," || t.Text == "-") {
			return false
		}
	}
	return false
}

// productNouns follow a product line's name: "MRI machines", "AI models".
var productNouns = set("machine machines scanner scanners device devices robot robots chip chips model models system systems app apps platform")

// personLikeSpan reports whether capitalised words look like a personal name: "Victor Lee",
// "Q.Y. Ma", "Sun Dong", "John Lee Ka-chiu".
func personLikeSpan(span []token) bool {
	if len(span) < 2 || len(span) > 4 || !allNameWords(span) {
		return false
	}
	for _, t := range span {
		if isHead(t) || commonCaps[t.Lower] || functionWords[t.Lower] || t.AllCaps() && len(t.Text) > 2 {
			return false
		}
	}
	a := span[0]
	last := span[len(span)-1]
	switch {
	case givenNames[a.Lower] && (surnames[span[1].Lower] || len(span) == 2):
		return true
	case isInitials(strings.TrimSuffix(a.Text, ".")) && len(span) == 2:
		return true
	case surnames[a.Lower] && len(span) == 2 && len(last.Text) <= 8 && !strings.Contains(last.Text, "-") && !surnames[last.Lower] == false:
		return true
	case surnames[a.Lower] && len(span) <= 3 && strings.Contains(last.Lower, "-") && isSyllables(last.Lower):
		return true
	case len(span) >= 2 && surnames[span[len(span)-2].Lower] && isSyllables(last.Lower) && strings.Contains(last.Lower, "-"):
		return true
	case surnames[a.Lower] && len(span) == 2 && pinyinLike(last.Lower):
		return true
	case givenNames[a.Lower] && surnames[last.Lower]:
		return true
	case len(span) == 2 && surnames[last.Lower] && !surnames[a.Lower] && !a.AllCaps() && pinyinLike(a.Lower) && len(a.Text) >= 3:
		return true
	}
	return false
}

// pinyinLike reports whether a word reads like a pinyin given name: short, letters only.
func pinyinLike(w string) bool {
	if len(w) < 2 || len(w) > 9 {
		return false
	}
	for _, r := range w {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return !heads2(w)
}

func heads2(w string) bool {
	_, ok := heads[w]
	return ok || roleHeads[w] || commonCaps[w]
}

// isSyllables reports whether a hyphenated word reads like a Cantonese given name: Ka-chiu, Mo-po.
func isSyllables(w string) bool {
	parts := strings.Split(w, "-")
	if len(parts) != 2 {
		return false
	}
	for _, p := range parts {
		if len(p) < 2 || len(p) > 5 {
			return false
		}
	}
	return true
}

func allNameWords(span []token) bool {
	for _, t := range span {
		if t.Kind != tokWord || !t.Cap() {
			return false
		}
	}
	return true
}

// personContext reports whether the words around toks[i:j] say it names a person: a title or role
// before it, ", <role>" or "said" after it.
func personContext(toks []token, i, j int, roles []role) bool {
	if i > 0 && titles[toks[i-1].Lower] {
		return true
	}
	for _, r := range roles {
		if r.end == i && toks[r.end-1].Cap() {
			return true
		}
	}
	if j < len(toks) && personVerbs[toks[j].Lower] {
		return true
	}
	if j+1 < len(toks) && toks[j].Text == "," {
		k := j + 1
		if k < len(toks) && (toks[k].Lower == "the" || toks[k].Lower == "a" || toks[k].Lower == "an") {
			k++
		}
		for _, r := range roles {
			if r.start == k {
				return true
			}
		}
	}
	return false
}

// productContext reports whether an unknown name is a product: launched, released or unveiled,
// or followed by "model".
func productContext(toks []token, i, j int) bool {
	if j < len(toks) && (toks[j].Lower == "model" || toks[j].Lower == "models" || toks[j].Lower == "chatbot" || toks[j].Lower == "app") {
		return true
	}
	for k := i - 1; k >= 0 && k >= i-3; k-- {
		switch toks[k].Lower {
		case "launched", "released", "unveiled", "launch", "release", "introduced", "debuted", "dubbed", "named", "called":
			return true
		}
	}
	k := i - 1
	if k >= 0 && (toks[k].Text == "\"" || toks[k].Text == "'") {
		k--
	}
	if k >= 0 && k < i-0 && !toks[k].Cap() {
		switch toks[k].Lower {
		case "application", "app", "service", "tool", "copilot", "chatbot", "assistant", "software", "model", "platform", "robot", "device", "chip", "system", "llm":
			return true
		}
	}
	return false
}

// markAcronyms links "Name (ABBR)": the abbreviation becomes an alias of the name before it.
func (d *doc) markAcronyms(si int, ms []*mention) {
	toks := d.sents[si].Tokens
	for k := 1; k < len(ms); k++ {
		a, b := ms[k-1], ms[k]
		if b.start == a.end+1 && toks[a.end].Text == "(" && b.end < len(toks) && toks[b.end].Text == ")" {
			if b.end-b.start == 1 && acronymOf(a.text, toks[b.start].Text) && (b.lex == nil || b.lex == a.lex || a.lex == nil) {
				b.aliasOf = k
				b.typ, b.cat = a.typ, a.cat
			}
		}
	}
}

// acronymOf reports whether abbr is made of the capitals of name: Hong Kong Science and
// Technology Parks → HKSTP.
func acronymOf(name, abbr string) bool {
	abbr = strings.ToUpper(strings.ReplaceAll(abbr, "&", ""))
	if len(abbr) < 2 {
		return false
	}
	// the capital letters of the name, in order (HKGAI in Hong Kong Generative AI ...)
	var caps, initials []rune
	for _, w := range strings.Fields(name) {
		r := []rune(w)
		if connectors[strings.ToLower(w)] {
			continue
		}
		initials = append(initials, unicode.ToUpper(r[0]))
		for _, c := range r {
			if unicode.IsUpper(c) {
				caps = append(caps, c)
			}
		}
	}
	if len(caps) > 0 && caps[0] == rune(abbr[0]) && subsequence(string(caps), abbr) {
		return true
	}
	return strings.HasPrefix(string(initials), abbr)
}

// subsequence reports whether the letters of sub appear in s in order.
func subsequence(s, sub string) bool {
	j := 0
	for _, c := range s {
		if j < len(sub) && c == rune(sub[j]) {
			j++
		}
	}
	return j == len(sub)
}
