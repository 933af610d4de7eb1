package de.kim.steering.web;

import de.kim.platform.domain.InvalidInputException;

/** The page asked for a list: number from 0, size 1 to 100 (20 unless asked). */
record Paging(int page, int size) {

    static final int MAX_SIZE = 100;

    static Paging of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        if (p < 0) {
            throw new InvalidInputException("page", "steering.page.invalid");
        }
        if (s < 1 || s > MAX_SIZE) {
            throw new InvalidInputException("size", "steering.size.invalid", MAX_SIZE);
        }
        return new Paging(p, s);
    }
}
