#!/usr/bin/env bash
# Generate a corpus of hostile and broken inputs for kgx into DIR.
#
#   bash tests/bad/gen.sh DIR
#
# DIR is created (it must not exist or be empty). Nothing large is checked
# in: everything, the 100 MB line included, is made here in about a second.
# Output is deterministic (random bytes come from a fixed seed). Layout:
#
#   DIR/in/                 documents; kgx is run on this directory whole
#     003_….txt             a good letter (a copy of corpus/003_*.txt)
#     utf8-*.txt            invalid UTF-8, one kind per file
#     windows-1252.txt      Windows-1252 without a BOM ("coöperatie", “quotes”)
#     variants/KIND/003_….txt  the good letter with a UTF-8 BOM, as UTF-16 LE
#                           and BE with a BOM, with CRLF and with CR-only line
#                           ends: same base name, so the output can be compared
#     utf16-no-bom.txt, utf16le-lone-surrogate.txt
#     nul-byte.txt, binary.png, empty.txt
#     huge-line.txt         100 MB on one line, no newline (over the 64M default)
#     long-word.txt         1 MiB without a space
#     nested-parens.txt     100 000 levels of parentheses
#     inject-text.txt       quotes, backslashes, '>', '"""', control
#                           characters, emoji in sentences the shipped rules read
#     inject-names.txt      the same in names, for DIR/rules/inject
#     names/                files whose names need escaping in an IRI
#     loop/                 a symbolic link loop (self -> ., sub/back -> ..)
#                           and a dangling link
#     unreadable.txt        mode 000 (root reads it unless it drops CAP_DAC_OVERRIDE: run.sh)
#     fifo                  a named pipe (skipped inside a directory)
#   DIR/latin1-name/        a file whose name is not UTF-8 (Latin-1 "é")
#   DIR/crossing/           names that run over a sentence end (crashed kgx)
#   DIR/nonchar/            U+FFFE and U+FFFF in a sentence
#   DIR/dense.txt           4 MB of sentences full of entities (timing check)
#   DIR/rules/NAME/         rule directories, broken in one way each
#   DIR/rule-docs/          documents for those rules
set -euo pipefail

if [ $# -ne 1 ]; then
	echo "usage: $0 DIR" >&2
	exit 2
fi
D=$1
SRC=$(cd "$(dirname "$0")/../.." && pwd)
export LC_ALL=C

mkdir -p "$D"
if [ -n "$(ls -A "$D")" ]; then
	echo "$0: $D is not empty" >&2
	exit 2
fi
good_src=$(ls "$SRC"/corpus/003_*.txt | head -n 1)
good=$(basename "$good_src")
I=$D/in
mkdir -p "$I"

# ------------------------------------------------------------ the good letter
cp "$good_src" "$I/$good"
chmod 644 "$I/$good"

# A sentence the shipped rules turn into a relation (funds), to wrap hostile
# bytes in: the relation carries the sentence as kgx:evidence.
REL='In 2021 heeft Noorwegen 3 miljoen euro bijgedragen aan het Peacebuilding Fund.'

# ------------------------------------------------------------ invalid UTF-8
# Each file: valid text, then the bad bytes at a known offset (the prefix is
# 37 bytes, "Nederland steunt de Verenigde Naties " ), then more text.
pre='Nederland steunt de Verenigde Naties '
post=' en het Vredesopbouwfonds.\n'
printf "${pre}"'\x80\xBF'"${post}"          >"$I/utf8-lone-continuation.txt"  # 2 bad
printf "${pre}"'\xC0\xAF \xE0\x80\xAF \xF0\x80\x80\xAF'"${post}" >"$I/utf8-overlong.txt"  # 9 bad
printf "${pre}"'\xED\xA0\x80 \xED\xBF\xBF'"${post}" >"$I/utf8-surrogate.txt"  # 6 bad
printf "${pre}"'\xF4\x90\x80\x80 \xF5 \xFF \xFE'"${post}" >"$I/utf8-above-max.txt"  # 7 bad
printf "${pre}"'\xE2\x82'                   >"$I/utf8-truncated.txt"  # 2 bad, at the end

# Windows-1252 without a BOM: ö (F6), ë (EB), “ ” (93 94), – (96), € (80), … (85)
printf 'Nederland en Belgi\xEB steunen de co\xF6peratie met het \x93Peacebuilding Fund\x94 \x96 \x805 miljoen\x85\n' \
	>"$I/windows-1252.txt"

# ------------------------------------------------------------ encodings and line ends
V=$I/variants
mkdir -p "$V/bom-utf8" "$V/utf16le" "$V/utf16be" "$V/crlf" "$V/cr"
{ printf '\xEF\xBB\xBF'; cat "$good_src"; } >"$V/bom-utf8/$good"
{ printf '\xFF\xFE'; iconv -f UTF-8 -t UTF-16LE "$good_src"; } >"$V/utf16le/$good"
{ printf '\xFE\xFF'; iconv -f UTF-8 -t UTF-16BE "$good_src"; } >"$V/utf16be/$good"
sed 's/$/\r/' "$good_src" >"$V/crlf/$good"
tr '\n' '\r' <"$good_src" >"$V/cr/$good"
# UTF-16 without a BOM: NUL bytes, read as binary
iconv -f UTF-8 -t UTF-16LE <<<"$REL" >"$I/utf16-no-bom.txt"
# UTF-16 LE with a BOM and an unpaired high surrogate (D800) before "X"
{ printf '\xFF\xFE'; iconv -f UTF-8 -t UTF-16LE <<<"$REL"; printf '\x00\xD8X\x00\n\x00'; } \
	>"$I/utf16le-lone-surrogate.txt"

# ------------------------------------------------------------ binary, empty
printf 'Nederland steunt de Verenigde Naties.\0en daarna binair\n' >"$I/nul-byte.txt"  # NUL at 37
python3 - "$I/binary.png" <<'EOF'
import random, sys
random.seed(20240229)
png = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00"
with open(sys.argv[1], "wb") as f:
    f.write(png + bytes(random.getrandbits(8) for _ in range(4096)))
EOF
: >"$I/empty.txt"

# ------------------------------------------------------------ size
# 100,000,000 bytes, no newline: over the default --max-size of 64 MiB.
# Plain Dutch words without the names of entities (see DIR/dense.txt for why).
# (yes dies of SIGPIPE once head has enough: not an error here)
(set +o pipefail
 yes 'de regering heeft het voorstel besproken en zal de kamer daarover informeren, ' |
	tr -d '\n' | head -c 100000000) >"$I/huge-line.txt"
# 1 MiB without a space, then a newline
{ head -c 1048576 /dev/zero | tr '\0' 'x'; echo; } >"$I/long-word.txt"
# 100,000 levels of parentheses around a sentence
python3 - "$I/nested-parens.txt" <<'EOF'
import sys
n = 100000
with open(sys.argv[1], "w") as f:
    f.write("De Verenigde Naties " + "(" * n + "Nederland steunt het Peacebuilding Fund." + ")" * n + "\n")
EOF
# 4 MB of short paragraphs, each naming two entities (DIR/dense.txt: outside
# in/, used by the timing check only)
(set +o pipefail
 yes 'Nederland steunt het Peacebuilding Fund met 4 miljoen euro.
' | head -c 4000000) >"$D/dense.txt"

# ------------------------------------------------------------ output injection
# Sentences the shipped rules read, with what output escaping must handle.
{
	printf 'In 2021 heeft Noorwegen "3" miljoen \\ euro <b> """ bijgedragen aan het Peacebuilding Fund.\n\n'
	printf 'In 2021 heeft Noorwegen 3 miljoen euro bijgedragen aan het Peacebuilding Fund \\"\n\n'
	printf 'Ook financiert Zweden een project <x> \x01\x02\x03\x1b\x1f\x7f van UNDP """.\n\n'
	printf 'Ook financiert Zweden een project \xF0\x9F\x98\x80 \xF0\x9D\x95\xAB van UNDP > "\n\n'
	printf 'Het Xyz <>"{}|^` Fund (XYZF) en het Fonds voor \xF0\x9F\x98\x80 Vrede (FVV) zijn opgericht.\n\n'
	printf 'De Stichting O'"'"'Neill & Zonen (SOZ) en het Fonds Vrede\\Zonder Grenzen (FVZG) zijn actief.\n\n'
	printf 'De Stichting \xF0\x9F\x98\x80\xF0\x9F\x98\x80 Vrede (SV) is opgericht.\n\n'
	printf '%s\n' "$REL"
} >"$I/inject-text.txt"

# The same inside names, for DIR/rules/inject (which makes NAAM[…] a name).
{
	printf 'NAAM[Xyz <>"{}|^`\\ Fund].\n'
	printf 'NAAM[Fonds voor \xF0\x9F\x98\x80 Vrede].\n'
	printf 'NAAM[a """ b].\n'
	printf 'NAAM[ctl \x01\x02\x03\x08\x0b\x1b\x1f\x7f end]\n'
	printf 'NAAM[form feed \x0c end]\n'
	printf 'NAAM[new\nline "].\n'
	printf 'NAAM["""]\n'
	printf 'NAAM[\\]\n'
	printf 'NAAM[\\u0041 \\n \\" \\\\]\n'
	printf 'NAAM[\xC3\xA9 \xC3\xBC \xC3\x9F \xEF\xAC\x81 \xCE\xA9 \xE4\xB8\xAD\xE6\x96\x87 \xD7\xA2\xD7\x91\xD7\xA8\xD7\x99\xD7\xAA]\n'
	printf 'NAAM[%%41%%2F..%%00]\n'
	printf 'NAAM[../../etc/passwd]\n'
	printf 'NAAM[http://evil.example/x> <y> "z]\n'
	printf 'NAAM[_:b0 ; a <x> .]\n'
	printf 'NAAM[@prefix x: <y> .]\n'
	printf 'NAAM[quote at end"]\n'
	printf 'NAAM[\xF0\x9F\x98\x80]\n'
	printf 'NAAM[\xE2\x80\xAE right-to-left override \xE2\x80\x8B zero width \xEF\xB7\x90 \xF4\x8F\xBF\xBF]\n'
	printf '\n%s\n' "$REL"
} >"$I/inject-names.txt"

# A name that runs over the end of a sentence (a ". C" or a form feed
# before an escape inside it): kgx crashed on these (extract/rel.c, mask()).
# Kept out of in/, so that a crash here does not hide the other checks.
mkdir -p "$D/crossing"
printf 'minister van Abc. Def,\nJan Jansen\n' >"$D/crossing/signature.txt"
printf 'NAAM[x. Y]\n' >"$D/crossing/name-period.txt"
printf 'NAAM[ctl \x0c\x1b end]\n' >"$D/crossing/name-form-feed.txt"

# The noncharacters U+FFFE and U+FFFF are valid UTF-8, but raptor's writers
# cut a literal short at them, and in Turtle drop the subject's later
# triples: kgx replaces them (checked one file at a time, outside in/).
mkdir -p "$D/nonchar"
printf 'In 2021 heeft Noorwegen 3 miljoen euro \xEF\xBF\xBF bijgedragen aan het Peacebuilding Fund.\n' \
	>"$D/nonchar/uffff.txt"
printf 'In 2021 heeft Noorwegen 3 miljoen euro \xEF\xBF\xBE bijgedragen aan het Peacebuilding Fund.\n' \
	>"$D/nonchar/ufffe.txt"

# File names that need escaping in the document's IRI and literal.
mkdir -p "$I/names"
for n in 'we"ird <n> {x}|^`\.txt' $'new\nline.txt' $'ctl\x01\x1f.txt' '100% ..txt' \
	'#frag?q=1&a=b.txt' $'emoji\xF0\x9F\x98\x80.txt' 'x..y.txt'; do
	printf '%s\n' "$REL" >"$I/names/$n"
done
# Not UTF-8: kept out of in/ (it makes the output invalid UTF-8 today)
mkdir -p "$D/latin1-name"
printf '%s\n' "$REL" >"$D/latin1-name/"$'caf\xE9.txt'

# ------------------------------------------------------------ the file system
mkdir -p "$I/loop/sub"
printf '%s\n' "$REL" >"$I/loop/a.txt"
ln -s . "$I/loop/self"
ln -s .. "$I/loop/sub/back"
ln -s no-such-file.txt "$I/loop/dangling.txt"
printf '%s\n' "$REL" >"$I/unreadable.txt"
chmod 000 "$I/unreadable.txt"
mkfifo "$I/fifo"

# ------------------------------------------------------------ rules
R=$D/rules
mkdir -p "$R" "$D/rule-docs"
rd() { mkdir -p "$R/$1/patterns" "$R/$1/kb"; }

rd inject
cat >"$R/inject/patterns/inject.rules" <<'EOF'
# Any text between NAAM[ and ] is the name of an organisation, across lines.
[inject-name]
kind = entity
scope = document
pattern = NAAM\[(?<n>[^\]]+)\]
create.n = Organisation
emit = supports n =netherlands
EOF

rd malformed
printf '# a rule file with a syntax error\n\n[ok-so-far]\nkind = entity\nthis is not valid\n' \
	>"$R/malformed/patterns/bad.rules"
rd bad-header
printf '[unclosed\nkind = entity\n' >"$R/bad-header/patterns/bad.rules"
rd no-compile
printf '[broken]\nkind = entity\npattern = (?<name>unclosed\ncreate.name = Person\n' \
	>"$R/no-compile/patterns/bad.rules"
rd unknown-class
printf '[odd]\nkind = entity\npattern = (?<x>Marsbewoner)\ncreate.x = Planet\n' \
	>"$R/unknown-class/patterns/bad.rules"
rd unknown-class-role
printf '[odd]\npattern = {a:Planet} steunt {b:Fund}\nemit = supports a b\n' \
	>"$R/unknown-class-role/patterns/bad.rules"
rd unknown-class-kb
printf '[mars]\nclass = Planet\nnl = Mars\n' >"$R/unknown-class-kb/kb/bad.kb"
rd nul-in-rules
printf '[x]\nkind = entity\npattern = (?<x>A\0B)\ncreate.x = Person\n' >"$R/nul-in-rules/patterns/bad.rules"
rd invalid-utf8-rules
printf '[x]\nkind = entity\npattern = (?<x>co\xF6peratie)\ncreate.x = Person\n' \
	>"$R/invalid-utf8-rules/patterns/bad.rules"

# A word-list macro (8 words or more becomes a trie) with a word cut in
# the middle of a UTF-8 sequence (once read past the word: extract/rules.c,
# trie_emit).
rd word-list-bad-utf8
printf '[@macros]\nNAMES = a|b|c|d|e|f|g|h\xF0\n' >"$R/word-list-bad-utf8/patterns/bad.rules"

# Line lengths: 16384 bytes is the limit for pattern files, 4096 for
# knowledge files (without the newline). At the limit loads; one more fails.
python3 - "$R" <<'EOF'
import os, sys
R = sys.argv[1]
def write(name, sub, fname, text):
    os.makedirs(os.path.join(R, name, sub), exist_ok=True)
    with open(os.path.join(R, name, sub, fname), "w") as f:
        f.write(text)
for name, n in (("rules-line-at-limit", 16384), ("rules-line-too-long", 16385)):
    head = "pattern = (?<x>Q"
    line = head + "q" * (n - len(head) - 1) + ")"
    assert len(line) == n
    write(name, "patterns", "long.rules", "[long]\nkind = entity\n" + line + "\ncreate.x = Person\n")
for name, n in (("kb-line-at-limit", 4096), ("kb-line-too-long", 4097)):
    head = "nl = Fonds "
    line = head + "Q" * (n - len(head))
    assert len(line) == n
    write(name, "kb", "long.kb", "[long-fund]\nclass = Fund\n" + line + "\n")
EOF

# Catastrophic backtracking. (a+)+b alone is cheap: PCRE2 first looks for
# the required 'b' and gives up at once. (a+)+[bc] has no single required
# character and backtracks exponentially until the match limit stops it.
rd catastrophic
printf '[catastrophic]\nkind = entity\npattern = (?<x>(a+)+[bc])\ncreate.x = Person\n' \
	>"$R/catastrophic/patterns/cat.rules"
rd catastrophic-required
printf '[catastrophic-required]\nkind = entity\npattern = (?<x>(a+)+b)\ncreate.x = Person\n' \
	>"$R/catastrophic-required/patterns/cat.rules"
{ head -c 50000 /dev/zero | tr '\0' 'a'; echo; } >"$D/rule-docs/a50k.txt"
cp "$good_src" "$D/rule-docs/$good"
chmod 644 "$D/rule-docs/$good"

# ------------------------------------------------------------ the command line's side
# (kept in one block for tests/bad/run.sh's "output side" checks)
#   DIR/cli/terminal/       a file name with an escape sequence and a line
#                           break that would forge a message, and a text
#                           with an escape sequence (OSC: set the title)
#   DIR/cli/letters/        two letters and, beside them, files in formats
#                           kgx does not read (PNG, GIF, a ZIP)
C=$D/cli
mkdir -p "$C/terminal" "$C/letters/sub"
printf '%s\0\n' "$REL" >"$C/terminal/$(printf 'x\033[31mred\nkgx: forged.txt')"
printf 'Nederland \033]0;pwned\007 steunt de Verenigde Naties en het Vredesopbouwfonds.\n' \
	>"$C/terminal/osc.txt"
cp "$good_src" "$C/letters/a.txt"
printf '%s\n' "$REL" >"$C/letters/sub/b.txt"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' >"$C/letters/image.png"
printf 'GIF89a\x01\0\x01\0\0\0\0' >"$C/letters/scan.gif"
printf 'PK\x03\x04\x14\0\0\0' >"$C/letters/sub/archive.zip"
chmod 644 "$C/letters/a.txt"

# ------------------------------------------------------------ hardening (issue 15)
# Inputs for the checks at the end of run.sh, in DIR/harden/ (not in in/,
# which the whole-directory checks read).
H=$D/harden
mkdir -p "$H/docs" "$H/rules-bom/patterns" "$H/rules-cr/patterns" "$H/rules-class/kb" \
	"$H/rules-fifo/patterns" "$H/rules-zero/patterns" "$H/rules-longid/patterns" \
	"$H/rules-bracket/patterns" "$H/rules-none"
# a file name with U+FFFE and U+FFFF (valid UTF-8, not RDF)
printf 'Nederland steunt het Peacebuilding Fund.\n' >"$H/docs/$(printf 'nc\xef\xbf\xbe-\xef\xbf\xbf.txt')"
# Windows-1252 with accented letters side by side
printf 'Er is \xe9\xe9n fonds v\xf3\xf3r Belgi\xeb en Oekra\xefne.\n' >"$H/docs/cp1252.txt"
# UTF-32 LE with a BOM, and UTF-16 LE with an odd last byte
python3 - "$H/docs" <<'EOF'
import sys
d = sys.argv[1]
text = "Nederland steunt Belgi\u00eb.\n"
open(d + "/utf32.txt", "wb").write(b"\xff\xfe\x00\x00" + text.encode("utf-32-le"))
open(d + "/utf16-odd.txt", "wb").write(b"\xff\xfe" + text.encode("utf-16-le") + b"x")
EOF
# a soft hyphen and a zero-width space inside names, a Unicode hyphen at a line end
printf 'Neder\xc2\xadland en Guinee\xe2\x80\x90\nBissau steunen het Peace\xe2\x80\x8bbuilding Fund.\n' >"$H/docs/invisible.txt"
# amounts read from a number's first digit, grouped the Dutch or the English way
printf '%s\n\n' 'In 2024 draagt Nederland 2.5 miljoen euro bij aan het Peacebuilding Fund.' \
	'In 2025 draagt Noorwegen 12,345,678 euro bij aan het Peacebuilding Fund.' >"$H/docs/amounts.txt"
# names that make one IRI: one entity, one label
printf 'Zie [Fonds A.B. Jansen] en [Fonds A. B. Jansen].\n\nOok [Foo Bar] en [foo-bar].\n' >"$H/docs/collision.txt"
printf '[bracketed]\nkind = entity\npattern = \\[(?<name>[^\\]]+)\\]\ncreate.name = Organisation\n' \
	>"$H/rules-bracket/patterns/b.rules"
# rule files with a BOM, with CR-only line ends, a second class, an emit
# naming a 33-byte knowledge-base id, a FIFO and /dev/zero as rule files
printf '\xef\xbb\xbf[bom]\nkind = entity\npattern = (?<x>Qqq)\ncreate.x = Person\n' >"$H/rules-bom/patterns/a.rules"
printf '[cr]\rkind = entity\rpattern = (?<x>Qqq)\rcreate.x = Person\r' >"$H/rules-cr/patterns/a.rules"
printf '[twice]\nclass = Fund\nclass = Mission\nnl = Tweemaal\n' >"$H/rules-class/kb/a.kb"
printf '[longid]\nkind = relation\npattern = {s:Country}\\s+steunt\\s+de\\s+grenadines\nemit = supports s =saint-vincent-and-the-grenadines\n' \
	>"$H/rules-longid/patterns/a.rules"
printf 'Nederland steunt de grenadines.\n' >"$H/docs/longid.txt"
mkfifo "$H/rules-fifo/patterns/fifo.rules"
ln -s /dev/zero "$H/rules-zero/patterns/zero.rules"
# one long line dense with relations: its statements are capped
python3 - "$H/dense-line.txt" <<'EOF'
import sys
c = ["Nederland", "Belgi\u00eb", "Duitsland", "Frankrijk", "Noorwegen", "Zweden", "Denemarken", "Finland"]
f = ["het Peacebuilding Fund", "UNDP", "UNICEF", "UNHCR"]
out, i = [], 0
while sum(map(len, out)) < 300000:
    out.append("%s steunt %s en " % (c[i % len(c)], f[(i // len(c)) % len(f)]))
    i += 1
open(sys.argv[1], "w").write("".join(out) + "\n")
EOF
# 2 MiB of short sentences, each stating a relation with an amount: about 50
# times its size of output with --mentions
python3 - "$H/dense-2m.txt" <<'EOF'
import sys
c = ["Nederland", "Noorwegen", "Zweden", "Denemarken"]
out, n, i = [], 0, 0
while n < 2 << 20:
    s = "Dit jaar steunt %s het Peacebuilding Fund met %d miljoen euro.\n" % (c[i % 4], i % 9 + 1)
    out.append(s)
    n += len(s)
    i += 1
open(sys.argv[1], "w").write("".join(out)[:2 << 20])
EOF
