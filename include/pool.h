/* kgx_pool: items processed on worker threads and finished in the order they
 * were submitted, with at most a window of items in flight, so that memory
 * does not grow with the number of documents. */
#ifndef KGX_POOL_H
#define KGX_POOL_H

#include "common.h"

#include <stddef.h>

typedef struct kgx_pool kgx_pool;

/* Runs on a worker thread; worker is its number, 0 to threads - 1, so that
 * the caller can keep state per worker (a writer). */
typedef void (*kgx_pool_work)(void *ctx, int worker, void *item);
/* Runs on the thread that calls kgx_pool_slot or kgx_pool_finish, once per
 * item, in submission order; the item's memory is reused after it returns. */
typedef void (*kgx_pool_done)(void *ctx, void *item);

/* Start `threads` workers (at most 256) over items of item_size bytes, four
 * per thread in flight. KGX_ERR_IO (with a message) when no thread starts. */
kgx_status kgx_pool_new(kgx_pool **pool, int threads, size_t item_size, kgx_pool_work work,
                        kgx_pool_done done, void *ctx);
/* The number of workers that started. */
int kgx_pool_threads(const kgx_pool *pool);
/* A zeroed item to fill and then hand over with kgx_pool_submit. While the
 * window is full, finishes the oldest items first (calling done). */
void *kgx_pool_slot(kgx_pool *pool);
void kgx_pool_submit(kgx_pool *pool);
/* On a worker, for the item it works on: wait until every item submitted
 * before it is finished (done has returned for each), so that the worker
 * may write the item's output itself, in order, while done runs for no
 * other item. The thread that submits must keep calling kgx_pool_slot or
 * kgx_pool_finish, which finish what is done. */
void kgx_pool_wait_turn(kgx_pool *pool, const void *item);
/* Finish every item in order, stop the workers and free the pool. */
void kgx_pool_finish(kgx_pool *pool);

#endif
