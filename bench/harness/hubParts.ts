/**
 * The hub's connectors and sample feeds, for every benchmark: the one place bench/ imports them, so
 * a move of either is one line to follow here.
 */
export { CONNECTORS, SAMPLE_FEEDS } from '../../connectors';
