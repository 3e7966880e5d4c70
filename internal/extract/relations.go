package extract

import (
	"regexp"
	"sort"
	"strings"

	"github.com/hkin/hkin/internal/model"
)

// rel is a relation between two entities, before IDs are given.
type rel struct {
	s, o                         *entity
	pred                         string
	role, date, duration, amount string
	sent                         int
}

// A cue is a phrase that signals a relation between the entity before it and the one after it.
type cue struct {
	pred    string
	re      *phraseRE // matched on the sentence's lower-case tokens joined by spaces
	inverse bool      // the entity after the phrase is the subject: "run by X"
	gap     int       // most tokens between the phrase and the entity after it
	preps   bool      // the entity after must follow "in", "into", "to", "across" ...
	near    int       // when set: the entity before must be within this many tokens, with no other mention between
}

var cues = []cue{
	{pred: "founded", re: phrase(`co-founded(?: in \S+(?: \S+)?)? by|founded(?: in \S+(?: \S+)?)? by|set up(?: in \S+(?: \S+)?)? by|established(?: in \S+(?: \S+)?)? by|started(?: in \S+)? by|created(?: in \S+)? by`), inverse: true, gap: 2},
	{pred: "founded", re: phrase(`co-founded|cofounded|founded`), gap: 3},
	{pred: "visited", re: phrase(`visited|visiting|visit to|visits to|trip to|trips to|tour of|toured|tours|arrived in|arrived at|travelled to|traveled to|went to|came to|stop in|stopover in|inspected|called at|delegation to`), gap: 3},
	{pred: "met_with", re: phrase(`met with|met|meeting with|meetings with|held talks with|talks with|meet with|meet|meets|meets with|called on`), gap: 3},
	{pred: "operates", re: phrase(`run by|operated by|managed by|owned by|developed by|built by|launched by`), inverse: true, gap: 2},
	{pred: "operates", re: phrase(`operates|operated|runs|manages|managed|owns|operating|running|managing|oversees`), gap: 3},
	{pred: "operates_in", re: phrase(`serve|serves|served|serving|operate|operates|operating|deployed|deploys|deploy|available|sold|sells|present|presence|active|expand|expands|expanded|expanding|expansion|customers|clients|users|markets|offices|branches|footprint|business|businesses|used|installed|open|opens|opened|opening|set up|sets up|establish|establishes|established`), gap: 8, preps: true, near: 10},
	{pred: "operates_in", re: phrase(`enter|enters|entered|entering|expand into|expanded into|expanding into|tap into|tapping into`), gap: 3},
	{pred: "made_in", re: phrase(each(`built made manufactured produced assembled`, ` (?:in|at)`)), gap: 2},
	{pred: "exports_to", re: phrase(`exported to|exports to|export to|exporting to|shipped to|ships to|ship to|sold to`), gap: 2},
	{pred: "exports_to*", re: phrase(each(`shipped exported sold exports ships ship export distributed`, ` (?:globally|worldwide|around the world|all over the world|overseas|abroad|to global markets|to markets around the world)`)), gap: 0},
	{pred: "hosts", re: phrase(`hosts|hosted|host|houses|housed|is home to|home to|accommodates|accommodate`), gap: 4},
	{pred: "hosts", re: phrase(each(`home hosts houses has attracted attracts`, `(?: \S+){1,10}? (?:including|such as)`)), gap: 3},
	{pred: "located_in", re: phrase(`based in|headquartered in|located in|situated in|registered in|incorporated in|based out of|sits in|lies in|headquarters in|based at|located at|housed at|housed in|headquartered at|incubated at|tenant of|tenants of|moved into|moved to|relocated to|set up shop in|settled in|set up in|set up at|opened in|is in|are in|sits within|located within|lies within|stationed in`), gap: 2},
	{pred: "focuses_on", re: phrase(`focus(?:es|ed|ing)? on|focus(?:es|ed|ing)? mainly on|specialis(?:es|ed|ing|e) in|specializ(?:es|ed|ing|e) in|dedicated to|devoted to|drives|drive|driving|encourages|encourage|encouraging|supports|support|supporting|promotes|promote|promoting|develops|developing|develop|developed|working on|works on|work on|researching|research on|research into|researches|in the fields? of|in the areas? of|areas? such as|sectors? such as|fields? such as|industries such as|targets|targeting|target|centred on|centered on|committed to|covering|covers|spanning|span|engaged in|engages in|advance|advancing|advances|boost|boosting|strengthen|strengthening|nurture|nurturing|accelerate|accelerating|grow|growing|uses|using|applies|applying|harness|harnessing|leverages|leveraging|powered by|including|such as|key areas? for|priorit(?:y|ies) for|specialist in|leader in|expert in|pioneer in|player in|provider of|maker of|developer of|designer of|designs|makes|produces|builds|building|offers|provides`), gap: 8, near: 30},
	{pred: "partners_with", re: phrase(`partner(?:ed|s|ing)? with|partnerships? with|signed (?:\S+ ){0,5}?(?:agreements?|deals?|memorand(?:um|a)|mous?|contracts?|pacts?|partnerships?|letters? of intent) with|collaborat\S* with|collaboration with|team(?:ed|s)? up with|join(?:ed|s)? hands with|cooperat\S* with|co-operat\S* with|cooperation with|co-operation with|alliance with|tie-up with|tied up with|work(?:s|ed|ing)? with|working together with|agreements? with|mous? with|memorand(?:um|a) of understanding with|joint venture with|link(?:ed)? up with|linking up with|partner|partners`), gap: 3},
	{pred: "funds", re: phrase(`funded by|sponsored by|financed by|funding from|grants? from|subsidy from|subsidies from|subsidised by|subsidized by|incubated by|supported by|backed by|seed funding from`), inverse: true, gap: 2},
	{pred: "funds", re: phrase(`funds|funded|funding for|grants to|granted|sponsors|sponsored|subsidises|subsidizes|subsidised|subsidized|finances|financed|provides funding to|provided funding to|allocated|earmarked`), gap: 6},
	{pred: "publishes", re: phrase(each(`released published issued conducted compiled commissioned produced launched`, `(?: \S+)? by`)), inverse: true, gap: 2},
	{pred: "publishes", re: phrase(`published|publishes|released|releases|issued|issues|conducted|conducts|compiled|compiles`), gap: 4},
	{pred: "invested_in", re: phrase(each(`raised raises raise secured secures closed received receives obtained garnered attracted completed`, `(?: \S+){0,12}? (?:led by|from|backed by|with participation from|including|co-led by)`)), inverse: true, gap: 3},
	{pred: "invested_in", re: phrase(`invest(?:ed|s|ing)?(?: \S+){0,6}? in|investments? in|stakes? in|backed|backs|led (?:a|the|an)(?: \S+){0,5}? (?:round|financing|investment) (?:in|for|of|into)|participated in(?: \S+){0,5}? (?:round|financing) (?:in|for|of)|acquired|acquires|acquisition of|bought|injected(?: \S+){0,6}? into`), gap: 2},
	{pred: "produces", re: phrase(`developed by|built by|made by|created by|designed by|produced by|manufactured by|launched by|released by|unveiled by|trained by`), inverse: true, gap: 2},
	{pred: "produces", re: phrase(`makes|make|produces|produce|produced|manufactures|manufacture|manufactured|develops|developed|develop|launched|launches|launch|released|releases|unveiled|unveils|designs|designed|builds|built|rolled out|introduced|offers|sells|debuted|created|creates|trained`), gap: 4},
}

func possessive(w string) bool {
	return w == "its" || w == "his" || w == "her" || w == "their"
}

var (
	reCooperation = regexp.MustCompile(`cooperation|co-operation|collaboration|partnership|agreement|bridg|link|integrat|exchange`)
	reJointVerb   = regexp.MustCompile(`^(?:have |has |will |also |jointly )?(?:signed|partnered|agreed|forged|inked|teamed up|joined hands|launched a partnership|announced a partnership|entered into)`)
)

// skipWords may stand between a cue and the entity after it.
var skipWords = set("the a an its his her their our this that these those new latest first own local two three several more of")

// prepWords introduce the place after an operates_in cue.
var prepWords = set("in into to across including throughout like such as")

// findRelations reads the relations of every sentence, in order.
func (d *doc) findRelations() []rel {
	var out []rel
	seen := map[string]int{}
	add := func(r rel) {
		if r.s == nil || r.o == nil || r.s == r.o || !validRel(r) {
			return
		}
		key := r.s.name + "\x00" + r.pred + "\x00" + r.o.name
		if r.pred == "partners_with" && r.o.name < r.s.name {
			key = r.o.name + "\x00" + r.pred + "\x00" + r.s.name
		}
		if i, ok := seen[key]; ok {
			if out[i].role == "" {
				out[i].role = r.role
			}
			return
		}
		seen[key] = len(out)
		out = append(out, r)
		if r.pred == "holds_position" && r.o.typ == "organization" && r.s.employer == nil {
			r.s.employer = r.o
		}
		if r.pred == "operates" && r.o.operator == nil {
			r.o.operator = r.s
		}
	}
	for si := range d.sents {
		for _, r := range d.sentenceRelations(si) {
			add(r)
		}
	}
	return out
}

// validRel checks a relation against the ontology's subject and object types.
func validRel(r rel) bool {
	p, ok := model.LookupPredicate(r.pred)
	if !ok {
		return false
	}
	return has(p.Subjects, r.s.typ) && has(p.Objects, r.o.typ)
}

func has(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// lowered joins a sentence's lower-case tokens with single spaces and returns each token's offset.
func lowered(toks []token) (string, []int) {
	var b strings.Builder
	offs := make([]int, len(toks))
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		offs[i] = b.Len()
		b.WriteString(t.Lower)
	}
	return b.String(), offs
}

// tokenIndex maps a byte offset of the lowered sentence to its token.
func tokenIndex(offs []int, off int) int {
	return sort.Search(len(offs), func(i int) bool { return offs[i] > off }) - 1
}

// markModifiers marks the mentions that only modify the name after them: "Shenzhen-based",
// "Guangzhou's", "the city's".
func (d *doc) markModifiers(si int) {
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	for k, m := range ms {
		if m.based {
			m.mod = true
			continue
		}
		if k+1 < len(ms) && (m.typ == "place" || m.how == byRef && m.typ != "person") && m.end < len(toks) && toks[m.end].Kind == tokPoss && ms[k+1].start == m.end+1 {
			m.mod = true
		}
	}
}

// sentenceRelations finds the relations of sentence si.
func (d *doc) sentenceRelations(si int) []rel {
	d.markModifiers(si)
	s := d.sents[si]
	toks := s.Tokens
	ms := d.ments[si]
	var out []rel
	emit := func(sub, obj *entity, pred string) *rel {
		if sub == nil || obj == nil {
			return nil
		}
		out = append(out, rel{s: sub, o: obj, pred: pred, sent: si})
		return &out[len(out)-1]
	}
	out = append(out, d.roleRelations(si)...)
	// possessives: "Cyberport's AI Supercomputing Centre", "Alibaba's Qwen", "its HKGAI V1",
	// "Guangzhou's CanSemi", "the city's Nanshan district"
	for k := 1; k < len(ms); k++ {
		a, b := ms[k-1], ms[k]
		if a.ent == nil || b.ent == nil {
			continue
		}
		its := a.how == byRef && a.end == b.start && (toks[a.start].Lower == "its" || toks[a.start].Lower == "their")
		if !its && (b.start != a.end+1 || toks[a.end].Kind != tokPoss) {
			continue
		}
		switch {
		case a.typ == "organization" && b.typ == "facility":
			emit(a.ent, b.ent, "operates")
		case a.typ == "organization" && b.typ == "product":
			emit(a.ent, b.ent, "produces")
		case a.typ == "place" && b.typ == "organization" && !its:
			emit(b.ent, a.ent, "located_in")
		case a.typ == "place" && b.typ == "place" && !its && partOf(b.ent, a.ent):
			emit(b.ent, a.ent, "part_of")
		}
	}
	// "the AI Supercomputing Centre at Cyberport": the organisation operates the facility
	for k := 1; k < len(ms); k++ {
		a, b := ms[k-1], ms[k]
		if a.ent != nil && b.ent != nil && a.typ == "facility" && b.typ == "organization" && b.how != byRef {
			if w := lowerBetween(toks, a.end, b.start); w == " at" || w == " of" {
				emit(b.ent, a.ent, "operates")
			}
		}
	}
	// "Shenzhen-based X", "X, a Hong Kong start-up", "Hong Kong robotics start-up X"
	out = append(out, d.descriptorRelations(si)...)
	// a facility in a place: "the Hong Kong Park in the Hetao Cooperation Zone"; a district in a city
	for k := 1; k < len(ms); k++ {
		a, b := ms[k-1], ms[k]
		if a.ent == nil || b.ent == nil || b.typ != "place" {
			continue
		}
		between := strings.TrimSpace(lowerBetween(toks, a.end, b.start))
		if between == "in" || between == "in the" || between == "at" || between == "within" || between == "within the" || between == "of the" || between == "of" || between == "," {
			switch {
			case a.typ == "facility" && between != ",":
				emit(a.ent, b.ent, "located_in")
			case a.typ == "place" && (between == "in" || between == "of" || between == "," || between == "in the") && partOf(a.ent, b.ent):
				emit(a.ent, b.ent, "part_of")
			}
		}
	}
	// "Hangzhou, where tech leaders like Alibaba and DeepSeek operate"
	for k, a := range ms {
		if a.typ != "place" || a.ent == nil || a.end+1 >= len(toks) || toks[a.end].Text != "," || toks[a.end+1].Lower != "where" {
			continue
		}
		for _, b := range ms[k+1:] {
			if commaBetween(toks, a.end+1, b.start) {
				break
			}
			if b.typ == "organization" {
				emit(b.ent, a.ent, "located_in")
			}
		}
	}
	// "between Hong Kong and Shenzhen" in a sentence about cooperation
	low, offs := lowered(toks)
	if strings.Contains(low, "between ") && reCooperation.MatchString(low) {
		for k := 0; k+1 < len(ms); k++ {
			a, b := ms[k], ms[k+1]
			if a.start > 0 && toks[a.start-1].Lower == "between" && lowerBetween(toks, a.end, b.start) == " and" {
				emit(a.ent, b.ent, "partners_with")
			}
		}
	}
	// "A and B signed an agreement"
	for k := 0; k+1 < len(ms); k++ {
		a, b := ms[k], ms[k+1]
		if lowerBetween(toks, a.end, b.start) != " and" || b.end >= len(toks) {
			continue
		}
		rest := strings.Join(lowerWords(toks, b.end, b.end+3), " ")
		if reJointVerb.MatchString(rest) &&
			!strings.Contains(strings.Join(lowerWords(toks, b.end, b.end+8), " "), " with ") {
			emit(a.ent, b.ent, "partners_with")
		}
	}
	// verb cues
	act := d.phraseHits(si)
	for ci := range cues {
		c := &cues[ci]
		for _, loc := range c.re.find(low, offs, act) {
			cs := tokenIndex(offs, loc[0])
			ce := tokenIndex(offs, loc[1]-1) + 1
			out = append(out, d.cueRelations(si, c, cs, ce)...)
		}
	}
	for i := range out {
		if out[i].evidenceSent() < 0 {
			out[i].sent = si
		}
	}
	return out
}

func (r rel) evidenceSent() int { return r.sent }

// lowerBetween returns the lower-case text of toks[a:b], with a leading space per token.
func lowerBetween(toks []token, a, b int) string {
	var sb strings.Builder
	for k := a; k < b && k < len(toks); k++ {
		sb.WriteByte(' ')
		sb.WriteString(toks[k].Lower)
	}
	return sb.String()
}

func lowerWords(toks []token, a, b int) []string {
	var out []string
	for k := a; k < b && k < len(toks); k++ {
		out = append(out, toks[k].Lower)
	}
	return out
}

// partOf reports whether place a lies in place b by the lexicon, or is a district named
// before a city.
func partOf(a, b *entity) bool {
	if a.lex != nil {
		p := a.lex.Parent
		for n := 0; p != "" && n < 5; n++ {
			if strings.EqualFold(p, b.displayName()) || b.lex != nil && strings.EqualFold(p, b.lex.Name) {
				return true
			}
			break
		}
		return false
	}
	return a.cat == "" && strings.Contains(strings.ToLower(a.name), "district") && b.lex != nil &&
		(b.lex.Category == "city" || b.lex.Category == "province")
}

// roleRelations reads positions: "X, CEO of Y", "Y CEO X", "Y's chief executive X",
// "Chief Executive John Lee", "Sun Dong, the Innovation Secretary", "Q.Y. Ma of Time Medical".
func (d *doc) roleRelations(si int) []rel {
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	var out []rel
	emit := func(p, o *entity, role string) {
		if p != nil && o != nil && p.typ == "person" && (o.typ == "organization" || o.typ == "place") {
			out = append(out, rel{s: p, o: o, pred: "holds_position", role: role, sent: si})
		}
	}
	mentionEnding := func(end int) *mention {
		for _, m := range ms {
			if m.end == end && m.ent != nil {
				return m
			}
		}
		return nil
	}
	mentionStarting := func(start int) *mention {
		for _, m := range ms {
			if m.start == start && m.ent != nil {
				return m
			}
		}
		return nil
	}
	var lastPerson *mention
	for _, r := range d.roles[si] {
		roleText := strings.TrimRight(r.text, " ,")
		// the person after the title: "CEO Albert Wong", "chairman Dr Sunny Chai",
		// "The Director-General of Investment Promotion, Ms Alpha Lau, said"
		var after *mention
		a := r.end
		if a < len(toks) && toks[a].Text == "," {
			a++
		}
		for a < len(toks) && titles[toks[a].Lower] {
			a++
		}
		if m := mentionStarting(a); m != nil && m.typ == "person" && (a == r.end || titles[toks[a-1].Lower] || m.end < len(toks) && toks[m.end].Text == ",") {
			after = m
		}
		// the person before it: "Victor Lee, CEO of", "Lau, founder of", "Sun Dong, the Innovation Secretary"
		var before *mention
		k := r.start
		for k > 0 && (toks[k-1].Lower == "the" || toks[k-1].Lower == "a" || toks[k-1].Lower == "an" || toks[k-1].Lower == "its" || toks[k-1].Lower == "their" || toks[k-1].Lower == "and") {
			k--
		}
		org := (*mention)(nil) // an organisation written before the title: "HKSTP chief executive", "the firm's chief executive"
		if k < r.start && (toks[k].Lower == "its" || toks[k].Lower == "their") {
			if m := mentionStarting(k); m != nil && m.typ == "organization" {
				org = m
			}
		}
		if org != nil {
			// found
		} else if k > 0 && toks[k-1].Kind == tokPoss {
			org = mentionEnding(k - 1)
			k2 := k - 1
			if org != nil {
				k2 = org.start
			}
			if k2 > 1 && toks[k2-1].Text == "," {
				if m := mentionEnding(k2 - 1); m != nil && m.typ == "person" {
					before = m
				}
			}
		} else if m := mentionEnding(k); m != nil && m.typ != "person" && k == r.start {
			org = m
		}
		if k > 1 && toks[k-1].Text == "," {
			if m := mentionEnding(k - 1); m != nil && m.typ == "person" {
				before = m
			}
		}
		if k > 0 && before == nil && org == nil {
			if m := mentionEnding(k); m != nil && m.typ == "person" && k == r.start && toks[r.start].Cap() == false {
				before = m // "Lau founder of" is rare; "Chan chief executive" likewise
			}
		}
		// the organisation after the title: "CEO of Rice Robotics", "founder of X", "professor at HKU"
		var of *mention
		if r.end < len(toks) && (toks[r.end].Lower == "of" || toks[r.end].Lower == "at" || toks[r.end].Lower == "for" || toks[r.end].Lower == "with") {
			j := r.end + 1
			for j < len(toks) && toks[j].Lower == "the" {
				j++
			}
			if m := mentionStarting(j); m != nil && (m.typ == "organization" || m.typ == "place") &&
				!(m.end < len(toks) && toks[m.end].Kind == tokWord && !toks[m.end].Cap() && orgNouns[nextNoun(toks, m.end)]) {
				of = m
			}
		}
		// "Pheona Kan, HKSTP director of New Ventures": a name, a comma, the organisation, the title
		if before == nil && org != nil && org.start > 1 && toks[org.start-1].Text == "," {
			if m := mentionEnding(org.start - 1); m != nil && m.typ == "person" {
				before = m
			}
		}
		person := after
		if person == nil {
			person = before
		}
		// "director of X and deputy chairman of Y": the same person
		if person == nil && lastPerson != nil && r.start > 0 && (toks[r.start-1].Lower == "and" || k > 0 && toks[k].Lower == "and") {
			person = lastPerson
		}
		if person != nil {
			lastPerson = person
		}
		if person == nil {
			// "his role as chief executive" and other forms without a name are left out
			continue
		}
		if of != nil && governmentRole(roleText) && strings.HasSuffix(strings.ToLower(of.ent.displayName()), "government") {
			if p := d.homePlace(); p != nil {
				of = &mention{ent: p, typ: "place"}
			}
		}
		switch {
		case of != nil:
			emit(person.ent, of.ent, roleText)
		case org != nil:
			emit(person.ent, org.ent, roleText)
		case governmentRole(roleText):
			emit(person.ent, d.homePlace(), roleText)
		case (toks[r.start].Cap() || r.end-r.start > 1 || strongRole(toks[r.start:r.end])) && !titles[strings.ToLower(roleText)] && !strings.EqualFold(roleText, "professor"):
			// "said chairman Dr Sunny Chai": the organisation the passage is about
			if o := d.contextOrg(si, r.start); o != nil {
				emit(person.ent, o, roleText)
			}
		}
	}
	// "Lisa Wong, a semiconductor analyst at Bernstein", "an adjunct professor at the University of Hong Kong"
	for k, p := range ms {
		if p.typ != "person" || p.how == byRef || p.end+2 >= len(toks) || toks[p.end].Text != "," {
			continue
		}
		j := p.end + 1
		if w := toks[j].Lower; w == "a" || w == "an" || w == "the" {
			j++
		}
		start, head := j, -1
		for j < len(toks) && j < start+5 && toks[j].Kind == tokWord && !toks[j].Cap() {
			if roleHeads[toks[j].Lower] || toks[j].Lower == "analyst" || toks[j].Lower == "researcher" {
				head = j
			}
			j++
		}
		if head < 0 || head+1 >= len(toks) {
			continue
		}
		switch toks[head+1].Lower {
		case "at", "of", "with", "from", "for":
		default:
			continue
		}
		o := head + 2
		if o < len(toks) && toks[o].Lower == "the" {
			o++
		}
		for _, m := range ms[k+1:] {
			if m.start == o && m.typ == "organization" {
				emit(p.ent, m.ent, spanText(d.sents[si], start, head+1))
			}
		}
	}
	// "Q.Y. Ma of Time Medical", "Albert Wong from HKSTP"
	for k := 0; k+1 < len(ms); k++ {
		a, b := ms[k], ms[k+1]
		if a.typ != "person" || b.typ != "organization" || a.how == byRef || b.how == byRef {
			continue
		}
		if w := lowerBetween(toks, a.end, b.start); w == " of" || w == " from" || w == " of the" || w == " at" {
			emit(a.ent, b.ent, "")
		}
	}
	return out
}

// nextNoun returns the first of up to three lower-case words from toks[i] that is an
// organisation noun ("semiconductor company" → company), or "".
func nextNoun(toks []token, i int) string {
	for k := i; k < len(toks) && k < i+3 && toks[k].Kind == tokWord && !toks[k].Cap(); k++ {
		if orgNouns[toks[k].Lower] {
			return toks[k].Lower
		}
	}
	return ""
}

// contextOrg returns the organisation a passage is about: one named earlier in the sentence, else
// the subject of the sentences before.
func (d *doc) contextOrg(si, i int) *entity {
	for _, m := range d.ments[si] {
		if m.start < i && m.ent != nil && m.ent.typ == "organization" && !m.mod {
			return m.ent
		}
	}
	for s := si - 1; s >= 0 && s >= si-3; s-- {
		var fallback *entity
		for _, m := range d.ments[s] {
			if m.ent == nil || m.ent.typ != "organization" || m.mod {
				continue
			}
			if m.start > 0 && prepositions[d.sents[s].Tokens[m.start-1].Lower] {
				if fallback == nil {
					fallback = m.ent
				}
				continue
			}
			return m.ent
		}
		if fallback != nil {
			return fallback
		}
	}
	return nil
}

// governmentRole reports whether a title is a government post, held at a place.
func governmentRole(t string) bool {
	l := strings.ToLower(t)
	if strings.Contains(l, "officer") || strings.Contains(l, "director") || strings.Contains(l, "general") {
		return false
	}
	for _, w := range []string{"secretary", "chief executive", "minister", "legislator", "lawmaker", "governor", "mayor", "premier", "consul", "ambassador"} {
		if strings.Contains(l, w) {
			return true
		}
	}
	return false
}

// homePlace is the place the article is about: the most mentioned city or country (Hong Kong).
func (d *doc) homePlace() *entity {
	var best *entity
	for _, e := range d.ents {
		if e.typ == "place" && e.lex != nil && e.lex.Name == "Hong Kong" {
			return e
		}
	}
	for _, e := range d.ents {
		if e.typ == "place" && (e.lexCat() == "city" || e.lexCat() == "country") && (best == nil || len(e.ments) > len(best.ments)) {
			best = e
		}
	}
	return best
}

// orgNouns describe an organisation after a place or sector: "a Hong Kong start-up", "biotech firm X".
var orgNouns = set("start-up start-ups startup startups company companies firm firms maker makers developer developers designer designers manufacturer manufacturers provider providers supplier suppliers group giant giants platform operator unicorn unicorns business businesses enterprise enterprises lab labs institute university chipmaker chipmakers player players specialist company's firm's brand")

// descriptorRelations reads "Shenzhen-based X", "X, a Hong Kong start-up", "Hong Kong robotics
// start-up X", "biotech firm X" and "X, a Singapore chip designer".
func (d *doc) descriptorRelations(si int) []rel {
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	var out []rel
	for k := 0; k < len(ms); k++ {
		m := ms[k]
		// a run of place and sector mentions and lower-case words ending in an organisation noun
		if m.typ != "place" && m.typ != "sector" || m.ent == nil {
			continue
		}
		var places, sectors []*entity
		j := k
		end := m.start
		for j < len(ms) && (ms[j].typ == "place" || ms[j].typ == "sector") && ms[j].start <= end+2 && ms[j].start >= end {
			if !onlyLowerWords(toks, end, ms[j].start) {
				break
			}
			if ms[j].typ == "place" {
				places = append(places, ms[j].ent)
			} else {
				sectors = append(sectors, ms[j].ent)
			}
			end = ms[j].end
			j++
		}
		// lower-case words up to an organisation noun
		n := end
		nounAt := -1
		for n < len(toks) && n < end+4 && toks[n].Kind == tokWord && !toks[n].Cap() {
			if orgNouns[toks[n].Lower] {
				nounAt = n
			}
			n++
		}
		if nounAt < 0 && !(m.based && len(places) > 0) {
			continue
		}
		if nounAt < 0 {
			nounAt = end - 1
		}
		var target *entity
		// "... start-up Lumina Robotics": the name follows the noun
		if j < len(ms) && ms[j].start == nounAt+1 && ms[j].typ == "organization" {
			target = ms[j].ent
		}
		// "Lumina Robotics, a Hong Kong start-up": an apposition after a name
		s := m.start
		for s > 0 && (toks[s-1].Lower == "a" || toks[s-1].Lower == "an" || toks[s-1].Lower == "the") {
			s--
		}
		if target == nil && s > 1 && s < m.start && toks[s-1].Text == "," && k > 0 && ms[k-1].end == s-1 && ms[k-1].typ == "organization" {
			target = ms[k-1].ent
		}
		if target == nil && m.based && nounAt+1 < len(toks) {
			// "Shenzhen-based DeepSeek"
			if j < len(ms) && ms[j].start <= nounAt+1 && ms[j].typ == "organization" {
				target = ms[j].ent
			}
		}
		if target == nil {
			continue
		}
		for _, p := range places {
			out = append(out, rel{s: target, o: p, pred: "located_in", sent: si})
		}
		for _, sec := range sectors {
			out = append(out, rel{s: target, o: sec, pred: "focuses_on", sent: si})
		}
		k = j - 1
	}
	return out
}

func onlyLowerWords(toks []token, a, b int) bool {
	for k := a; k < b; k++ {
		if toks[k].Kind != tokWord || toks[k].Cap() {
			return false
		}
	}
	return true
}

// cueRelations links the entities around one cue phrase at toks[cs:ce].
func (d *doc) cueRelations(si int, c *cue, cs, ce int) []rel {
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	pred := c.pred
	world := false
	if pred == "exports_to*" {
		pred, world = "exports_to", true
	}
	p, ok := model.LookupPredicate(pred)
	if !ok {
		return nil
	}
	subjTypes, objTypes := p.Subjects, p.Objects
	if pred == "partners_with" && !c.inverse {
		subjTypes = append([]string{"facility"}, subjTypes...)
	}
	if pred == "located_in" {
		objTypes = append([]string{"facility"}, objTypes...)
	}
	if pred == "made_in" {
		subjTypes = append([]string{"organization"}, subjTypes...) // "its scanners are built in Tai Po": where the maker is
	}
	before, after := subjTypes, objTypes
	if c.inverse {
		before, after = objTypes, subjTypes
	}
	var objs []*mention
	if world {
		objs = []*mention{{ent: d.worldEntity(), typ: "place"}}
	} else {
		objs = d.mentionsAfter(si, ce, c.gap, after, c.preps)
		if len(objs) == 0 && c.inverse && pred == "founded" && cs == 0 {
			return nil
		}
	}
	if len(objs) == 0 {
		return nil
	}
	sub := d.mentionBefore(si, cs, before)
	if sub != nil && c.near > 0 && !c.inverse {
		if cs-sub.end > c.near {
			return nil
		}
		for _, m := range ms {
			if m.start >= sub.end && m.end <= cs && !m.mod {
				return nil
			}
		}
	}
	// "Founded in 2019 by Kelvin Chan ..., the company is based at": the clause's subject
	if sub == nil && c.inverse && cs == 0 {
		sub = d.clauseSubject(si, objs[len(objs)-1].end, before)
	}
	if sub == nil {
		return nil
	}
	subEnt := sub.ent
	if pred == "partners_with" && subEnt.typ == "facility" {
		subEnt = d.operatorOf(subEnt)
	}
	var out []rel
	for _, o := range objs {
		r := rel{s: subEnt, o: o.ent, pred: pred, sent: si}
		if c.inverse {
			r.s, r.o = o.ent, subEnt
		}
		switch pred {
		case "visited":
			r.duration = durationNear(toks, cs)
		case "invested_in", "funds":
			r.amount = amountIn(d.sents[si], minInt(cs, sub.start), maxInt(ce, o.end))
		case "made_in":
			if r.s.typ != "product" {
				r.pred = "located_in"
			}
		case "located_in":
			// "the company is based at the Hong Kong Science Park": the park hosts it
			if r.o.typ == "facility" && r.s.typ == "organization" {
				r.s, r.o, r.pred = r.o, r.s, "hosts"
			}
		}
		out = append(out, r)
	}
	_ = ms
	return out
}

func minInt(a, b int) int {
	if a < b {
		return a
	}
	return b
}

func maxInt(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// mentionsAfter returns the entity mention that follows token ce within gap tokens, if its type
// is one of types, with the mentions coordinated with it ("Japan and Thailand").
func (d *doc) mentionsAfter(si, ce, gap int, types []string, preps bool) []*mention {
	toks := d.sents[si].Tokens
	ms := d.ments[si]
	var first *mention
	idx := -1
	for k, m := range ms {
		if m.start < ce || m.ent == nil || m.mod {
			continue
		}
		if m.start-ce > gap+modWidth(ms, ce, m.start) {
			break
		}
		// only plain words between the cue and the mention
		for x := ce; x < m.start; x++ {
			if inMod(ms, x) {
				continue
			}
			if toks[x].Kind == tokPunct && toks[x].Text != "-" || toks[x].Lower == "and" || toks[x].Lower == "but" || toks[x].Lower == "while" {
				return nil
			}
		}
		if preps {
			p := m.start - 1
			for p > ce && inMod(ms, p) {
				p--
			}
			pw := toks[p].Lower
			if m.start-1 >= ce && (pw == "the" || pw == "mainland") && m.start-2 >= ce {
				pw = toks[m.start-2].Lower
			}
			if !prepWords[pw] && !(pw == "as" && m.start-2 >= 0 && toks[m.start-2].Lower == "such") {
				return nil
			}
		} else if gap <= 4 {
			for x := ce; x < m.start; x++ {
				if inMod(ms, x) {
					continue
				}
				if !skipWords[toks[x].Lower] && toks[x].Kind != tokPoss && !(toks[x].Kind == tokWord && !toks[x].Cap() && gap > 3) {
					return nil
				}
			}
		}
		if !has(types, m.ent.typ) {
			if m.how == byRef && possessive(toks[m.start].Lower) {
				continue
			}
			return nil
		}
		first, idx = m, k
		break
	}
	if first == nil {
		return nil
	}
	return append([]*mention{first}, coordinated(toks, ms[idx+1:], first)...)
}

// inMod reports whether token x lies in a modifier mention or its possessive.
func inMod(ms []*mention, x int) bool {
	for _, m := range ms {
		if m.mod && x >= m.start && x <= m.end {
			return true
		}
	}
	return false
}

// modWidth counts the tokens of modifiers between a and b.
func modWidth(ms []*mention, a, b int) int {
	n := 0
	for _, m := range ms {
		if m.mod && m.start >= a && m.end <= b {
			n += m.end - m.start + 1
		}
	}
	return n
}

// coordinated returns the mentions listed with first: "Japan and Thailand", "Singapore,
// Malaysia and Thailand". A list joined by commas only counts when it ends in "and" or "or".
func coordinated(toks []token, rest []*mention, first *mention) []*mention {
	var out []*mention
	last := first
	for _, m := range rest {
		if m.mod {
			continue
		}
		w := joinerBetween(toks, rest, last.end, m.start)
		if m.ent == nil || m.ent.typ != first.ent.typ || m.how == byRef {
			break
		}
		switch w {
		case " and", " , and", " or", " , or", " as well as", " and the", " , and the":
			return append(out, m)
		case " ,":
			out = append(out, m)
			last = m
			continue
		}
		break
	}
	return nil
}

// joinerBetween returns the lower-case words between two listed names, leaving out modifiers
// ("Guangzhou's") and descriptions ending in an organisation noun ("drone maker").
func joinerBetween(toks []token, ms []*mention, a, b int) string {
	skip := map[int]bool{}
	for _, m := range ms {
		if m.mod {
			for k := m.start; k <= m.end && k < b; k++ {
				skip[k] = true
			}
		}
	}
	var ws []string
	for k := a; k < b; k++ {
		if !skip[k] {
			ws = append(ws, toks[k].Lower)
		}
	}
	// a description right before the name: "and drone maker DJI"
	for n := len(ws) - 1; n >= 1; n-- {
		if orgNouns[ws[n]] {
			ok := true
			for _, w := range ws[1:n] {
				if w == "," || w == "and" || w == "or" {
					ok = false
				}
			}
			if ok && (ws[0] == "and" || ws[0] == ",") {
				ws = ws[:1]
			}
			break
		}
	}
	if len(ws) == 0 {
		return ""
	}
	return " " + strings.Join(ws, " ")
}

// mentionBefore returns the nearest mention before token cs whose type is one of types; a
// possessive "his" or "her" stands for the person's organisation when a person does not fit.
func (d *doc) mentionBefore(si, cs int, types []string) *mention {
	ms := d.ments[si]
	toks := d.sents[si].Tokens
	for k := len(ms) - 1; k >= 0; k-- {
		m := ms[k]
		if m.end > cs || m.ent == nil || m.mod {
			continue
		}
		if cs-m.end > 30 {
			return nil
		}
		// a relative clause or an appositive in between is fine; "said" is not
		for x := m.end; x < cs; x++ {
			if personVerbs[toks[x].Lower] && toks[x].Lower != "announced" || toks[x].Text == ";" {
				return nil
			}
		}
		if has(types, m.ent.typ) {
			return m
		}
		if m.how == byRef && m.ent.typ == "person" && (toks[m.start].Lower == "his" || toks[m.start].Lower == "her") && m.ent.employer != nil && has(types, m.ent.employer.typ) {
			return &mention{sent: si, start: m.start, end: m.end, ent: m.ent.employer, typ: m.ent.employer.typ, how: byRef}
		}
	}
	return nil
}

// clauseSubject returns the first mention of a type in types that opens a clause after token from.
func (d *doc) clauseSubject(si, from int, types []string) *mention {
	toks := d.sents[si].Tokens
	for _, m := range d.ments[si] {
		if m.start < from || m.ent == nil || !has(types, m.ent.typ) {
			continue
		}
		k := m.start
		for k > 0 && (toks[k-1].Lower == "the" || toks[k-1].Lower == "its") {
			k--
		}
		if k > 0 && toks[k-1].Text == "," {
			return m
		}
	}
	return nil
}

// operatorOf returns the organisation that operates a facility, from the relations read so far
// (the facility itself when none is known).
func (d *doc) operatorOf(f *entity) *entity {
	if f.operator != nil {
		return f.operator
	}
	return f
}

// worldEntity returns the pseudo-place World, creating it on first use.
func (d *doc) worldEntity() *entity {
	for _, e := range d.ents {
		if e.name == "World" && e.typ == "place" {
			return e
		}
	}
	e := &entity{name: "World", typ: "place", cat: "pseudo", forms: []string{"World"}, extra: []string{"global", "globally", "worldwide"}, world: true}
	d.ents = append(d.ents, e)
	return e
}

// durationNear reads "four-day" or "3-day" before a visit cue.
func durationNear(toks []token, cs int) string {
	for k := cs - 1; k >= 0 && k >= cs-3; k-- {
		w := toks[k].Lower
		if i := strings.Index(w, "-day"); i > 0 {
			n := w[:i]
			if v, ok := smallNumbers[n]; ok {
				return formatNumber(v) + " days"
			}
			if v, ok := parseNumber(n); ok {
				return formatNumber(v) + " days"
			}
		}
	}
	return ""
}

// amountIn returns the first amount of money written in toks[a:b] of a sentence.
func amountIn(s sentence, a, b int) string {
	toks := s.Tokens
	for k := a; k < b && k < len(toks); k++ {
		if toks[k].Kind == tokMoney && k+1 < len(toks) && toks[k+1].Kind == tokNumber {
			end := k + 2
			if end < len(toks) && scales[toks[end].Lower] > 0 {
				end++
			}
			return spanText(s, k, end)
		}
	}
	return ""
}
