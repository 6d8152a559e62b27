/* kgx_pool: items finish in submission order, whatever order the workers
 * take, with at most the window in flight. */
#include "kgx_test.h"
#include "pool.h"

#include <pthread.h>
#include <time.h>

typedef struct {
	int n;
	int result;
} item;

typedef struct {
	int next_done;  /* the n the next done call must see */
	int workers_seen[8];
	int in_flight, max_in_flight;
	pthread_mutex_t lock;
} state;

static void work(void *ctx, int worker, void *p)
{
	state *s = ctx;
	item *it = p;
	/* early items take longest, so that later ones finish first */
	struct timespec ts = {0, (long)(it->n % 7) * 200000L};
	nanosleep(&ts, NULL);
	it->result = it->n * 2;
	pthread_mutex_lock(&s->lock);
	assert_true(worker >= 0 && worker < 8);
	s->workers_seen[worker] = 1;
	pthread_mutex_unlock(&s->lock);
}

static void done(void *ctx, void *p)
{
	state *s = ctx;
	item *it = p;
	assert_int_equal(it->n, s->next_done);
	assert_int_equal(it->result, it->n * 2);
	s->next_done++;
	s->in_flight--;
}

static void run(int threads, int items)
{
	state s = {0};
	pthread_mutex_init(&s.lock, NULL);
	kgx_pool *p;
	assert_int_equal(kgx_pool_new(&p, threads, sizeof(item), work, done, &s), KGX_OK);
	assert_int_equal(kgx_pool_threads(p), threads);
	for (int i = 0; i < items; i++) {
		item *it = kgx_pool_slot(p);
		assert_int_equal(it->n, 0);  /* zeroed */
		assert_int_equal(it->result, 0);
		it->n = i;
		s.in_flight++;
		/* memory is bounded: four items per thread at most */
		assert_true(s.in_flight <= threads * 4);
		kgx_pool_submit(p);
	}
	kgx_pool_finish(p);
	assert_int_equal(s.next_done, items);
	pthread_mutex_destroy(&s.lock);
}

static void test_order(void **state)
{
	(void)state;
	run(1, 50);
	run(4, 200);
	run(8, 3);
	run(3, 0);
}

/* Items that write their own output once their turn comes (as the command
 * line streams a large document): the log comes out in submission order,
 * interleaved with nothing, and done never runs while an item writes. */
typedef struct {
	kgx_pool *pool;
	int log[400], n_log;
	int writing;  /* an item is between its turn and its end */
	pthread_mutex_t lock;
} turns;

static void work_turn(void *ctx, int worker, void *p)
{
	(void)worker;
	turns *t = ctx;
	item *it = p;
	struct timespec ts = {0, (long)(6 - it->n % 7) * 150000L};
	nanosleep(&ts, NULL);
	if (it->n % 3)
		return;  /* the others leave their output to done */
	kgx_pool_wait_turn(t->pool, it);
	pthread_mutex_lock(&t->lock);
	t->writing = 1;
	t->log[t->n_log++] = it->n;
	pthread_mutex_unlock(&t->lock);
	nanosleep(&ts, NULL);  /* a done that ran now would write out of order */
	pthread_mutex_lock(&t->lock);
	t->log[t->n_log++] = it->n;
	t->writing = 0;
	pthread_mutex_unlock(&t->lock);
}

static void done_turn(void *ctx, void *p)
{
	turns *t = ctx;
	item *it = p;
	pthread_mutex_lock(&t->lock);
	assert_false(t->writing);
	if (it->n % 3) {
		t->log[t->n_log++] = it->n;
		t->log[t->n_log++] = it->n;
	}
	pthread_mutex_unlock(&t->lock);
}

static void run_turns(int threads, int items)
{
	turns t = {0};
	pthread_mutex_init(&t.lock, NULL);
	assert_int_equal(kgx_pool_new(&t.pool, threads, sizeof(item), work_turn, done_turn, &t), KGX_OK);
	for (int i = 0; i < items; i++) {
		item *it = kgx_pool_slot(t.pool);
		it->n = i;
		kgx_pool_submit(t.pool);
	}
	kgx_pool_finish(t.pool);
	assert_int_equal(t.n_log, 2 * items);
	for (int i = 0; i < 2 * items; i++)
		assert_int_equal(t.log[i], i / 2);
	pthread_mutex_destroy(&t.lock);
}

static void test_wait_turn(void **state)
{
	(void)state;
	run_turns(1, 30);
	run_turns(4, 200);
	run_turns(2, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
		cmocka_unit_test(test_wait_turn),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
