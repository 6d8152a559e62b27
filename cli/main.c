/* kgx: the command line. Parses the options, makes sure the standard
 * descriptors are open, and hands over to kgx_check (rules) or kgx_run
 * (extraction); the only place that turns statuses into exit codes. */
#include "check.h"
#include "kbstats.h"
#include "common.h"
#include "out.h"
#include "read.h"
#include "run.h"
#include "sink.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define DEFAULT_MAX_SIZE (64u * 1024u * 1024u)
#define MAX_RULE_DIRS 32

static const char usage[] =
	"usage: kgx [OPTIONS] PATH...\n"
	"Extract a knowledge graph from Dutch government letters as RDF.\n"
	"PATH is a file, a directory (read recursively, sorted) or - for stdin.\n"
	"\n"
	"  -f, --format FMT     turtle (default), ntriples, nquads, or dot (the entity\n"
	"                       graph for Graphviz)\n"
	"  -o, --output FILE    write to FILE (atomically) instead of stdout\n"
	"      --base IRI       base for minted IRIs (default https://w3id.org/kgx/)\n"
	"  -g, --glob GLOB      in directories, read only the files that match GLOB;\n"
	"                       !GLOB leaves out what matches (repeatable, as rg -g)\n"
	"      --exclude GLOB   in directories, leave out what matches GLOB\n"
	"      --stdin-name NAME  name standard input's document NAME (default: a\n"
	"                       hash of its contents)\n"
	"      --input-format F auto (default: by content), text, pdf, html or xml\n"
	"      --rules DIR      also load the rules in DIR (repeatable)\n"
	"      --no-default-rules  load only the --rules directories\n"
	"      --check-rules    compile all rules, run their examples, and exit\n"
	"      --list-rules     list rules and knowledge-base sizes, and exit\n"
	"      --kb-stats       per class, knowledge-base entries with each kind of\n"
	"                       external identifier, and exit\n"
	"      --max-size BYTES skip documents larger than this (default 64M)\n"
	"      --mentions       also write NIF 2.0 annotations of every mention\n"
	"      --ontology       write the kgx ontology in the chosen format, and exit\n"
	"      --explain[=FILE] show each document with its mentions marked, and each\n"
	"                       relation with its sentence, the rule that fired and the\n"
	"                       rules that lost, on stderr (or relations as TSV in FILE)\n"
	"  -j, --jobs N         documents processed in parallel (default: all CPUs);\n"
	"                       the output is the same for every N\n"
	"      --stats[=json]   a summary on stderr at the end (or as JSON)\n"
	"  -q, --quiet          no warnings and no progress display, only errors\n"
	"  -h, --help           show this help\n"
	"  -V, --version        show the version\n"
	"\n"
	"Exit status: 0 success, 1 some input was skipped (the rest is written),\n"
	"2 usage or rule error, 3 output error. See kgx(1).\n";

typedef struct {
	kgx_run_opts run;
	const char *rule_dirs[MAX_RULE_DIRS];
	size_t n_rule_dirs;
	int default_rules;
	int check_rules, list_rules, ontology;
} options;

/* A descriptor among 0-2 that is closed (cron, 2>&-) would be the next file
 * kgx opens: the -o temporary file as descriptor 2 would get kgx's own
 * messages. Each is opened on /dev/null the wrong way round, as gnulib's
 * stdopen does, so that using it fails loudly instead of going nowhere. */
static int open_std_fds(void)
{
	for (int fd = 0; fd < 3; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		int got = open("/dev/null", fd == 0 ? O_WRONLY : O_RDONLY);
		if (got != fd) {
			if (got >= 0)
				close(got);
			return -1;
		}
	}
	return 0;
}

/* A size with an optional k, M or G (powers of 1024), from 1 byte to
 * 4 GiB; no sign, no blanks, no overflow. */
static int parse_size(const char *s, size_t *out)
{
	if (*s < '0' || *s > '9')
		return -1;
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (errno)
		return -1;
	int shift = 0;
	if (*end == 'k' || *end == 'K')
		shift = 10, end++;
	else if (*end == 'm' || *end == 'M')
		shift = 20, end++;
	else if (*end == 'g' || *end == 'G')
		shift = 30, end++;
	const unsigned long long max = 1ull << 32;
	if (*end || v == 0 || v > max >> shift)
		return -1;
	*out = (size_t)(v << shift);
	return 0;
}

static int write_ontology(const options *opt)
{
	char buf[PATH_MAX], path[PATH_MAX + 32];
	snprintf(path, sizeof path, "%s/ontology.ttl", kgx_check_default_dir(buf, sizeof buf));
	kgx_out *o = kgx_out_new(opt->run.fmt, opt->run.base);
	kgx_buf b = {0};
	kgx_status st = o ? kgx_out_file(o, path, &b) : KGX_ERR_NOMEM;
	kgx_out_free(o);
	if (st != KGX_OK) {
		kgx_loc loc = {path, 0, 0};
		kgx_diag(&loc, "cannot read the ontology");
		kgx_buf_free(&b);
		return KGX_EXIT_OUTPUT;
	}
	kgx_sink s;
	kgx_sink_std(&s, stdout, "standard output");
	kgx_sink_write(&s, b.s, b.len);
	kgx_buf_free(&b);
	return kgx_sink_close(&s, 1) == KGX_OK ? 0 : KGX_EXIT_OUTPUT;
}

/* Keep freed memory for the next document. Each document allocates and
 * frees the same few large blocks (its arena, its output held until its
 * turn); glibc gives blocks over its (adaptive) mmap threshold back to the
 * kernel, and trims the heap's free top, so every document faulted its
 * memory in afresh and freeing it cost a TLB shoot-down on the other cores:
 * a tenth of the time of a run. The peak is the same; only what is free is
 * kept, up to M_TRIM_THRESHOLD. */
static void keep_freed_memory(void)
{
#ifdef __GLIBC__
	mallopt(M_MMAP_THRESHOLD, 32 * 1024 * 1024);
	mallopt(M_TRIM_THRESHOLD, 64 * 1024 * 1024);
#endif
}

int main(int argc, char **argv)
{
	keep_freed_memory();
	if (open_std_fds())
		return KGX_EXIT_OUTPUT;
	options opt = {0};
	opt.run.fmt = KGX_FMT_TURTLE;
	opt.run.max_size = DEFAULT_MAX_SIZE;
	opt.default_rules = 1;
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	opt.run.jobs = ncpu > 0 ? (int)(ncpu > 64 ? 64 : ncpu) : 1;
	enum { O_BASE = 256, O_RULES, O_NODEF, O_CHECK, O_LIST, O_MAXSIZE, O_EXPLAIN, O_MENTIONS, O_ONTOLOGY,
	       O_STATS, O_EXCLUDE, O_STDIN_NAME, O_INPUT_FORMAT, O_KBSTATS };
	static const struct option longopts[] = {
		{"format", required_argument, NULL, 'f'},
		{"output", required_argument, NULL, 'o'},
		{"base", required_argument, NULL, O_BASE},
		{"glob", required_argument, NULL, 'g'},
		{"exclude", required_argument, NULL, O_EXCLUDE},
		{"stdin-name", required_argument, NULL, O_STDIN_NAME},
		{"input-format", required_argument, NULL, O_INPUT_FORMAT},
		{"rules", required_argument, NULL, O_RULES},
		{"no-default-rules", no_argument, NULL, O_NODEF},
		{"check-rules", no_argument, NULL, O_CHECK},
		{"list-rules", no_argument, NULL, O_LIST},
		{"kb-stats", no_argument, NULL, O_KBSTATS},
		{"max-size", required_argument, NULL, O_MAXSIZE},
		{"explain", optional_argument, NULL, O_EXPLAIN},
		{"mentions", no_argument, NULL, O_MENTIONS},
		{"stats", optional_argument, NULL, O_STATS},
		{"ontology", no_argument, NULL, O_ONTOLOGY},
		{"jobs", required_argument, NULL, 'j'},
		{"quiet", no_argument, NULL, 'q'},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		{NULL, 0, NULL, 0},
	};
	int ch;
	while ((ch = getopt_long(argc, argv, "f:o:g:j:qhV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'f': {
			int f = kgx_out_format_parse(optarg);
			if (f < 0) {
				kgx_diag(NULL, "unknown format '%s' (turtle, ntriples, nquads, dot)", optarg);
				return KGX_EXIT_USAGE;
			}
			opt.run.fmt = (kgx_format)f;
			break;
		}
		case 'o':
			if (!*optarg) {
				kgx_diag(NULL, "-o needs a file name");
				return KGX_EXIT_USAGE;
			}
			opt.run.output = optarg;
			break;
		case O_BASE:
			if (!kgx_out_base_ok(optarg)) {
				size_t bad = kgx_iri_bad(optarg);
				if (!bad)
					kgx_diag(NULL, "--base must be an absolute IRI such as https://example.org/kg/");
				else
					kgx_diag(NULL, "--base '%.*s...' is not an absolute IRI: byte %zu (0x%02X) "
					         "cannot stand there", (int)bad, optarg, bad + 1, (unsigned char)optarg[bad]);
				return KGX_EXIT_USAGE;
			}
			opt.run.base = optarg;
			break;
		case 'g':
		case O_EXCLUDE: {
			/* ripgrep's "!GLOB" for -g; --exclude takes the glob as it is */
			int exclude = ch == O_EXCLUDE || *optarg == '!';
			const char *glob = ch == 'g' && *optarg == '!' ? optarg + 1 : optarg;
			size_t len = strlen(glob);
			if (!len || (len == 1 && *glob == '/')) {
				kgx_diag(NULL, "%s takes a non-empty glob", ch == 'g' ? "--glob" : "--exclude");
				return KGX_EXIT_USAGE;
			}
			if (opt.run.n_globs == KGX_RUN_MAX_GLOBS) {
				kgx_diag(NULL, "too many --glob and --exclude (at most %d)", KGX_RUN_MAX_GLOBS);
				return KGX_EXIT_USAGE;
			}
			opt.run.glob_exclude[opt.run.n_globs] = exclude;
			opt.run.globs[opt.run.n_globs++] = glob;
			break;
		}
		case O_STDIN_NAME:
			if (!*optarg) {
				kgx_diag(NULL, "--stdin-name needs a name");
				return KGX_EXIT_USAGE;
			}
			opt.run.stdin_name = optarg;
			break;
		case O_INPUT_FORMAT: {
			int f = kgx_read_format_parse(optarg);
			if (f < 0) {
				kgx_diag(NULL, "unknown input format '%s' (auto, text, pdf, html, xml)", optarg);
				return KGX_EXIT_USAGE;
			}
			opt.run.input_format = (kgx_read_format)f;
			break;
		}
		case O_RULES:
			if (opt.n_rule_dirs == MAX_RULE_DIRS) {
				kgx_diag(NULL, "too many --rules directories");
				return KGX_EXIT_USAGE;
			}
			opt.rule_dirs[opt.n_rule_dirs++] = optarg;
			break;
		case O_NODEF: opt.default_rules = 0; break;
		case O_CHECK: opt.check_rules = 1; break;
		case O_LIST: opt.list_rules = 1; break;
		case O_KBSTATS: opt.list_rules = 2; break;
		case O_MAXSIZE:
			if (parse_size(optarg, &opt.run.max_size)) {
				kgx_diag(NULL, "--max-size takes a size from 1 to 4G, such as 64M");
				return KGX_EXIT_USAGE;
			}
			break;
		case O_MENTIONS: opt.run.mentions = 1; break;
		case O_STATS:
			if (optarg && strcmp(optarg, "json") && strcmp(optarg, "text")) {
				kgx_diag(NULL, "--stats takes 'text' or 'json'");
				return KGX_EXIT_USAGE;
			}
			opt.run.stats = 1;
			opt.run.stats_json = optarg && !strcmp(optarg, "json");
			break;
		case O_ONTOLOGY: opt.ontology = 1; break;
		case O_EXPLAIN:
			if (optarg && !*optarg) {
				kgx_diag(NULL, "--explain= needs a file name");
				return KGX_EXIT_USAGE;
			}
			opt.run.explain = 1;
			opt.run.explain_file = optarg;
			break;
		case 'j': {
			char *end;
			long n = strtol(optarg, &end, 10);
			if (*end || n < 1 || n > 256) {
				kgx_diag(NULL, "--jobs takes a number from 1 to 256");
				return KGX_EXIT_USAGE;
			}
			opt.run.jobs = (int)n;
			break;
		}
		case 'q': opt.run.quiet = 1; break;
		case 'h': fputs(usage, stdout); return 0;
		case 'V': printf("kgx %s\n", KGX_VERSION); return 0;
		default: fputs(usage, stderr); return KGX_EXIT_USAGE;
		}
	}
	if (opt.check_rules) {
		/* --check-rules [DIR]: the directories after it are rule directories */
		for (int i = optind; i < argc && opt.n_rule_dirs < MAX_RULE_DIRS; i++)
			opt.rule_dirs[opt.n_rule_dirs++] = argv[i];
		kgx_status st;
		kgx_rules *r = kgx_check_load(opt.default_rules, opt.rule_dirs, opt.n_rule_dirs, 1, &st);
		if (!r)
			return KGX_EXIT_USAGE;
		int failed = kgx_check_examples(r);
		kgx_rules_free(r);
		return failed ? KGX_EXIT_USAGE : 0;
	}
	if (opt.ontology)
		return write_ontology(&opt);
	kgx_status st;
	kgx_rules *rules = kgx_check_load(opt.default_rules, opt.rule_dirs, opt.n_rule_dirs, 0, &st);
	if (!rules)
		return KGX_EXIT_USAGE;
	int rc;
	if (opt.list_rules) {
		kgx_sink s;
		kgx_sink_std(&s, stdout, "standard output");
		kgx_status lst = KGX_OK;
		if (opt.list_rules == 2)
			lst = kgx_kbstats_print(kgx_rules_kb(rules), stdout);
		else
			kgx_check_list(rules, stdout);
		rc = kgx_sink_close(&s, 1) == KGX_OK && lst == KGX_OK ? 0 : KGX_EXIT_OUTPUT;
	} else if (optind >= argc) {
		fputs(usage, stderr);
		rc = KGX_EXIT_USAGE;
	} else {
		if (opt.run.quiet)
			kgx_diag_quiet(1);  /* errors still show */
		rc = kgx_run(&opt.run, rules, argv + optind, argc - optind);
	}
	kgx_rules_free(rules);
	return rc;
}
