// Command server is a small HTTP service on the standard library only. It serves GET /health and
// GET /, and with -healthcheck it checks a running server and exits 0 (healthy) or 1: the image's
// exec-form HEALTHCHECK runs the binary itself, because the distroless image has no shell or curl.
package main

import (
	"encoding/json"
	"flag"
	"log"
	"net/http"
	"os"
	"time"
)

const addr = ":8080"

func reply(w http.ResponseWriter, status int, body any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	if err := json.NewEncoder(w).Encode(body); err != nil {
		log.Printf("writing the response: %v", err)
	}
}

func healthcheck() int {
	client := http.Client{Timeout: 2 * time.Second}
	resp, err := client.Get("http://127.0.0.1" + addr + "/health")
	if err != nil {
		return 1
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return 1
	}
	return 0
}

func main() {
	check := flag.Bool("healthcheck", false, "check the server on "+addr+" and exit 0 when /health answers 200")
	flag.Parse()
	if *check {
		os.Exit(healthcheck())
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/health", func(w http.ResponseWriter, _ *http.Request) {
		reply(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/" {
			reply(w, http.StatusNotFound, map[string]string{"error": "not found", "path": r.URL.Path})
			return
		}
		reply(w, http.StatusOK, map[string]any{"message": "hello from a distroless go image", "uid": os.Getuid()})
	})
	server := &http.Server{Addr: addr, Handler: mux, ReadHeaderTimeout: 5 * time.Second}
	log.Fatal(server.ListenAndServe())
}
