// A web server with a -healthcheck flag for the image's exec-form HEALTHCHECK.
package main

import (
	"flag"
	"net/http"
	"os"
	"time"
)

func main() {
	check := flag.Bool("healthcheck", false, "check the running server and exit")
	flag.Parse()
	if *check {
		client := http.Client{Timeout: 2 * time.Second}
		resp, err := client.Get("http://127.0.0.1:8080/healthz")
		if err != nil || resp.StatusCode != http.StatusOK {
			os.Exit(1)
		}
		os.Exit(0)
	}
	http.HandleFunc("/healthz", func(w http.ResponseWriter, _ *http.Request) { w.Write([]byte("ok\n")) })
	http.ListenAndServe(":8080", nil)
}
