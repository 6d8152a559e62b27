/* kgx_pool: worker threads with output in input order. */
#include "pool.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define MAX_THREADS 256

typedef struct {
	kgx_pool *pool;
	int n;
} worker_arg;

/* Items live in a ring of `window` slots, numbered in submission order:
 * queued have been submitted, next is the next for a worker, written have
 * been finished. Workers may run at most `window` ahead of the writer. */
struct kgx_pool {
	kgx_pool_work work;
	kgx_pool_done done;
	void *ctx;
	size_t item_size;
	unsigned char *ring;
	int *finished;  /* per slot: a worker is done with it */
	size_t window, queued, next, written;
	int closed;
	pthread_mutex_t lock;
	pthread_cond_t cond;
	pthread_t threads[MAX_THREADS];
	worker_arg args[MAX_THREADS];
	int started;
};

static void *slot_at(kgx_pool *p, size_t i)
{
	return p->ring + (i % p->window) * p->item_size;
}

static void *worker(void *arg)
{
	kgx_pool *p = ((worker_arg *)arg)->pool;
	int n = ((worker_arg *)arg)->n;
	for (;;) {
		pthread_mutex_lock(&p->lock);
		while (p->next >= p->queued && !p->closed)
			pthread_cond_wait(&p->cond, &p->lock);
		if (p->next >= p->queued) {
			pthread_mutex_unlock(&p->lock);
			break;
		}
		size_t i = p->next++;
		pthread_mutex_unlock(&p->lock);
		p->work(p->ctx, n, slot_at(p, i));
		pthread_mutex_lock(&p->lock);
		p->finished[i % p->window] = 1;
		pthread_cond_broadcast(&p->cond);
		pthread_mutex_unlock(&p->lock);
	}
	return NULL;
}

kgx_status kgx_pool_new(kgx_pool **pool, int threads, size_t item_size, kgx_pool_work work,
                        kgx_pool_done done, void *ctx)
{
	*pool = NULL;
	kgx_pool *p = calloc(1, sizeof *p);
	if (!p)
		return KGX_ERR_NOMEM;
	if (threads < 1)
		threads = 1;
	if (threads > MAX_THREADS)
		threads = MAX_THREADS;
	p->work = work;
	p->done = done;
	p->ctx = ctx;
	p->item_size = item_size;
	p->window = (size_t)threads * 4;
	p->ring = calloc(p->window, item_size);
	p->finished = calloc(p->window, sizeof *p->finished);
	if (!p->ring || !p->finished) {
		free(p->ring);
		free(p->finished);
		free(p);
		return KGX_ERR_NOMEM;
	}
	pthread_mutex_init(&p->lock, NULL);
	pthread_cond_init(&p->cond, NULL);
	for (int i = 0; i < threads; i++) {
		p->args[p->started].pool = p;
		p->args[p->started].n = p->started;
		if (!pthread_create(&p->threads[p->started], NULL, worker, &p->args[p->started]))
			p->started++;
	}
	if (!p->started) {
		kgx_diag(NULL, "cannot start a worker thread");
		kgx_pool_finish(p);
		return KGX_ERR_IO;
	}
	*pool = p;
	return KGX_OK;
}

int kgx_pool_threads(const kgx_pool *pool)
{
	return pool->started;
}

/* Finish the oldest item once a worker is done with it. Called with the
 * lock held; returns with it held. */
static void finish_oldest(kgx_pool *p)
{
	size_t k = p->written % p->window;
	while (!p->finished[k])
		pthread_cond_wait(&p->cond, &p->lock);
	pthread_mutex_unlock(&p->lock);
	p->done(p->ctx, slot_at(p, p->written));
	pthread_mutex_lock(&p->lock);
	p->finished[k] = 0;
	p->written++;
	pthread_cond_broadcast(&p->cond);
}

void *kgx_pool_slot(kgx_pool *p)
{
	pthread_mutex_lock(&p->lock);
	/* what is finished goes now, not when the window is full: a worker
	 * waiting for its turn (kgx_pool_wait_turn) waits for no more than the
	 * items before it */
	while (p->written < p->queued && p->finished[p->written % p->window])
		finish_oldest(p);
	while (p->queued - p->written >= p->window)
		finish_oldest(p);
	pthread_mutex_unlock(&p->lock);
	void *item = slot_at(p, p->queued);
	memset(item, 0, p->item_size);
	return item;
}

void kgx_pool_wait_turn(kgx_pool *p, const void *item)
{
	/* the items in flight are written..queued-1, fewer than the window and
	 * each in a slot of its own: item is the oldest when its slot is
	 * written's */
	size_t k = (size_t)((const unsigned char *)item - p->ring) / p->item_size;
	pthread_mutex_lock(&p->lock);
	while (p->written % p->window != k)
		pthread_cond_wait(&p->cond, &p->lock);
	pthread_mutex_unlock(&p->lock);
}

void kgx_pool_submit(kgx_pool *p)
{
	pthread_mutex_lock(&p->lock);
	p->queued++;
	pthread_cond_broadcast(&p->cond);
	pthread_mutex_unlock(&p->lock);
}

void kgx_pool_finish(kgx_pool *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	p->closed = 1;
	pthread_cond_broadcast(&p->cond);
	while (p->written < p->queued && p->started)
		finish_oldest(p);
	pthread_mutex_unlock(&p->lock);
	for (int i = 0; i < p->started; i++)
		pthread_join(p->threads[i], NULL);
	pthread_mutex_destroy(&p->lock);
	pthread_cond_destroy(&p->cond);
	free(p->ring);
	free(p->finished);
	free(p);
}
