module example.com/go-distroless

go 1.19
