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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
