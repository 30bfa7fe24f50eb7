def first_flip(flipped, inside, outside):
    """The score nearest `inside` at which flipped(score) is True, by bisection."""
    while (mid := (inside + outside) / 2) not in (inside, outside):
        inside, outside = (inside, mid) if flipped(mid) else (mid, outside)
    return outside
