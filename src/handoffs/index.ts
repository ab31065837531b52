/**
 * The public surface of `handoffs`: the only file other folders import. Everything else in the
 * folder is its own business and may change without notice.
 */
