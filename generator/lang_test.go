package generator

import "github.com/rungs/rungs/internal/locale"

// tr is English, the language the generator's tests read.
var tr = locale.English()
