package main

import (
	_ "github.com/FerretDB/FerretDB/ferretdb"
	_ "github.com/gofiber/fiber/v2"
	_ "github.com/meilisearch/meilisearch-go"
	_ "github.com/robfig/cron/v3"
	_ "github.com/wneessen/go-mail"
	_ "go.mongodb.org/mongo-driver/mongo"
	_ "github.com/blevesearch/bleve/v2"
	_ "github.com/BurntSushi/toml"
	_ "github.com/emersion/go-smtp"
	_ "github.com/chromedp/chromedp"
)

func main() {}
