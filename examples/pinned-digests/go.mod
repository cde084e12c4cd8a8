module example.com/pinned-digests

go 1.23
