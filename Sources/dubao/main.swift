print("dubao")
