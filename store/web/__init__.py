"""Reading the web: http.py fetches a URL (the standard library's urllib, with a time limit
and a size limit); follow.py keeps the feeds a user follows and updates them."""
