"""Source texts: reading, encodings, quotes and offsets."""
