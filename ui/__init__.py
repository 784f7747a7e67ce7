"""Beställningsassistenten's Qt face: thin models and views over the `beställning` domain."""
