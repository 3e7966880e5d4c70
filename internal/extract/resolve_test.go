package extract

import (
	"strings"
	"testing"

	"github.com/hkin/hkin/internal/model"
)

// TestNormKey checks that the fast ASCII path agrees with model.NormName.
func TestNormKey(t *testing.T) {
	for _, s := range []string{"Hong Kong", "Lee's trip", "The Hong Kong Park", "R&D Centre", "Q.Y. Ma", "  Cyberport’s  AI ", "Shenzhen-Hong Kong", "the city", "Xi'an"} {
		want := strings.Fields(model.NormName(s))
		for i, w := range want {
			if v, ok := spellings[w]; ok {
				want[i] = v
			}
		}
		if got := normKey(s); got != strings.Join(want, " ") {
			t.Errorf("normKey(%q) = %q, want %q", s, got, strings.Join(want, " "))
		}
	}
}
