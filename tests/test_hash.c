/* kgx_hash: the string hash and the hash index. */
#include "kgx_test.h"
#include "hash.h"

static void test_fnv(void **state)
{
	(void)state;
	/* FNV-1a's published test vectors */
	assert_int_equal(kgx_hash(KGX_HASH_INIT, "", 0), 0xcbf29ce484222325ull);
	assert_int_equal(kgx_hash(KGX_HASH_INIT, "a", 1), 0xaf63dc4c8601ec8cull);
	assert_int_equal(kgx_hash(KGX_HASH_INIT, "foobar", 6), 0x85944171f73967e8ull);
	/* continuing is hashing the concatenation */
	assert_int_equal(kgx_hash(kgx_hash(KGX_HASH_INIT, "foo", 3), "bar", 3), 0x85944171f73967e8ull);
	assert_int_not_equal(kgx_hash_word(0, 1), kgx_hash_word(0, 2));
	assert_int_not_equal(kgx_hash_word(1, 7), kgx_hash_word(2, 7));
}

static void test_index(void **state)
{
	(void)state;
	kgx_index ix;
	kgx_index_init(&ix);
	uint32_t cur;
	assert_int_equal(kgx_index_find(&ix, 42, &cur), KGX_INDEX_END);
	/* enough items to grow several times; hashes collide in pairs */
	for (uint32_t i = 0; i < 10000; i++)
		assert_int_equal(kgx_index_add(&ix, i / 2, i), 0);
	for (uint32_t h = 0; h < 5000; h++) {
		uint32_t a = kgx_index_find(&ix, h, &cur);
		uint32_t b = kgx_index_again(&ix, h, &cur);
		/* most recent first, then nothing more */
		assert_int_equal(a, 2 * h + 1);
		assert_int_equal(b, 2 * h);
		assert_int_equal(kgx_index_again(&ix, h, &cur), KGX_INDEX_END);
	}
	assert_int_equal(kgx_index_find(&ix, 5000, &cur), KGX_INDEX_END);
	/* hashes equal in their low bits are told apart */
	assert_int_equal(kgx_index_add(&ix, (uint64_t)1 << 40, 77), 0);
	assert_int_equal(kgx_index_find(&ix, (uint64_t)1 << 40, &cur), 77);
	assert_int_equal(kgx_index_again(&ix, (uint64_t)1 << 40, &cur), KGX_INDEX_END);
	kgx_index_free(&ix);
	kgx_index_free(&ix);  /* freeing twice is harmless */
}

static void test_ptrset(void **state)
{
	(void)state;
	static int things[1000];
	kgx_ptrset set;
	kgx_ptrset_init(&set);
	assert_int_equal(kgx_ptrset_find(&set, &things[0]), KGX_INDEX_END);
	for (int i = 0; i < 1000; i++)
		assert_int_equal(kgx_ptrset_add(&set, &things[i]), 1);
	/* numbered in the order added; a second add changes nothing */
	for (int i = 0; i < 1000; i++) {
		assert_int_equal(kgx_ptrset_find(&set, &things[i]), i);
		assert_int_equal(kgx_ptrset_add(&set, &things[i]), 0);
	}
	assert_int_equal(set.items.len, 1000);
	assert_int_equal(kgx_ptrset_find(&set, &set), KGX_INDEX_END);
	kgx_ptrset_free(&set);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fnv),
		cmocka_unit_test(test_index),
		cmocka_unit_test(test_ptrset),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
