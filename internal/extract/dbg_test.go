package extract

import (
	"fmt"
	"os"
	"testing"
	"time"
)

func TestDebugMentions(t *testing.T) {
	path := os.Getenv("DBG_FILE")
	if path == "" {
		t.Skip()
	}
	b, _ := os.ReadFile(path)
	pub, _ := time.Parse("2006-01-02", os.Getenv("DBG_PUB"))
	d := &doc{x: New(nil), pub: pub, hasPub: true}
	d.sents = splitSentences(normalizeText(string(b)))
	d.findMentions()
	d.resolve()
	for si, s := range d.sents {
		fmt.Printf("S%d: %s\n", si, s.Text)
		for _, m := range d.ments[si] {
			name := ""
			if m.ent != nil {
				name = m.ent.name
			}
			fmt.Printf("   [%d,%d) %q %s/%s how=%d -> %s\n", m.start, m.end, m.text, m.typ, m.cat, m.how, name)
		}
		for _, r := range d.roles[si] {
			fmt.Printf("   role [%d,%d) %q\n", r.start, r.end, r.text)
		}
	}
}
